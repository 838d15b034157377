"""Account recovery: verify the code, then look up the backup number the user gave."""
from ding import Ding
from ding.models import components


class Recovery:
    customer_uuid = "00000000-0000-4000-8000-000000000001"

    def __init__(self, key):
        self.ding = Ding(api_key=key)  # site: client

    def send(self, phone):
        res = self.ding.otp.create_authentication(components.CreateAuthenticationRequest(  # site: create
            customer_uuid=self.customer_uuid, phone_number=phone))
        return res.create_authentication_response.authentication_uuid

    def verify_then_check_backup(self, authentication_uuid, code, backup_phone):
        checked = self.ding.otp.check(components.CreateCheckRequest(  # site: check
            customer_uuid=self.customer_uuid, authentication_uuid=authentication_uuid, check_code=code))
        ok = checked.create_check_response.status == components.CheckStatus.VALID  # site: check-status
        backup = self.ding.lookup.lookup(backup_phone, self.customer_uuid)  # site: lookup-backup
        return {"verified": ok, "backup_country": backup.lookup_response.country_code}
