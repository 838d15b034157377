"""Shape of the usage in prelude-so/python-sdk README.md (rewritten, not copied)."""
import os

from prelude_python_sdk import Prelude

client = Prelude(api_token=os.environ.get("API_TOKEN"))


def send(phone_number: str) -> str:
    verification = client.verification.create(
        target={"type": "phone_number", "value": phone_number},
    )
    return verification.id


def check(phone_number: str, code: str) -> bool:
    result = client.verification.check(
        target={"type": "phone_number", "value": phone_number},
        code=code,
    )
    return result.status == "success"
