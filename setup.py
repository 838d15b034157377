"""Ships the documentation in the wheel as ``migrate/docs/`` (``prelude-migrate rule
--docs-path`` prints where), so an installed copy has docs/scan.md, docs/ci.md... without the
repository. Everything else is in pyproject.toml."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DOCS = Path(__file__).resolve().parent / "docs"


class BuildPyWithDocs(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False) or not DOCS.is_dir():
            return  # an editable install reads the checkout's docs/ directly
        target = Path(self.build_lib) / "migrate" / "docs"
        target.mkdir(parents=True, exist_ok=True)
        for page in DOCS.rglob("*"):
            if page.is_file() and page.suffix in (".md", ".png"):
                destination = target / page.relative_to(DOCS)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(page, destination)


setup(cmdclass={"build_py": BuildPyWithDocs})
