from prelude_python_sdk import Prelude

client = Prelude(api_token="test-v2-key")
client.verification.create(target={"type": "phone_number", "value": "+33600000000"})
PADDING = 4
