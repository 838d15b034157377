"""Account code: imports the module (not its names) and reads what it returns."""
import sms_verify as sv


class Account:
    def __init__(self, phone):
        self.phone = phone
        self.pending = None
        self.verified = False

    def request_code(self):
        sent = sv.send(self.phone)
        self.pending = sent.authentication_uuid  # site: account-id
        return sent.status.value  # site: account-status

    def enter_code(self, code):
        result = sv.check(self.pending, code)
        self.verified = result.status.value == "valid"  # site: account-valid
        return self.verified
