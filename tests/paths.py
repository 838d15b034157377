"""Where the test data and the repository root are, for tests at any depth under tests/."""
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
ROOT = TESTS.parent
