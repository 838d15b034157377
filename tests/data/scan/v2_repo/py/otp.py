from prelude_python_sdk import Prelude

client = Prelude(api_token="test-v2-key", max_retries=0)


def send(phone):
    return client.verification.create(target={"type": "phone_number", "value": phone})


def padding(text):
    return text.ljust(8)
