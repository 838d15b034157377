"""The raw-http codemod: before/after pairs, no-op cases and idempotence over every pair."""
from __future__ import annotations

import pytest

from codemods.http.raw_http import RawHttpCodemod
from rewrite_helpers import assert_codemod, assert_idempotent

KEY_TODO = ("# TODO(prelude-migration): v2 needs a v2 API key (Prelude dashboard > API Keys, sent as "
            "Authorization: Bearer); v1 X-API-Key keys are refused: make sure this value is the v2 key")

PAIRS = [
    ("create-inline-everything", '''
        import requests

        def start(phone, key):
            r = requests.post("https://api.ding.live/v1/authentication", json={"customer_uuid": "c", "phone_number": phone, "ip": "1.2.3.4", "device_type": "ANDROID", "correlation_id": "o-1"}, headers={"X-API-Key": key})
            return r.json()["authentication_uuid"]
     ''', f'''
        import requests

        def start(phone, key):
            {KEY_TODO}
            r = requests.post("https://api.prelude.dev/v2/verification", json={{"target": {{"type": "phone_number", "value": phone}}, "signals": {{"ip": "1.2.3.4", "device_platform": "android"}}, "metadata": {{"correlation_id": "o-1"}}}}, headers={{"Authorization": f"Bearer {{key}}"}})
            return r.json()["id"]
     '''),
    ("multi-line-body-keeps-layout", '''
        import requests

        def start(phone):
            resp = requests.post(
                "https://api.ding.live/v1/authentication",
                json={
                    "customer_uuid": CUSTOMER,
                    "phone_number": phone,
                    "app_version": "1.2",
                },
                headers={"X-API-Key": "test-v1-key", "Content-Type": "application/json"},
            )
            body = resp.json()
            if body["status"] == "pending":
                return body["authentication_uuid"]
     ''', f'''
        import requests

        def start(phone):
            {KEY_TODO}
            resp = requests.post(
                "https://api.prelude.dev/v2/verification",
                json={{
                    "target": {{"type": "phone_number", "value": phone}},
                    "signals": {{"app_version": "1.2"}},
                }},
                headers={{"Authorization": "Bearer test-v1-key", "Content-Type": "application/json"}},
            )
            body = resp.json()
            if body["status"] in ("success", "retry", "challenged", "shadow_blocked"):
                return body["id"]
     '''),
    ("base-constant-moves-when-every-use-moves", '''
        import requests

        BASE = "https://api.ding.live/v1"
        HEADERS = {"X-API-Key": "test-v1-key"}

        def verify(phone, code):
            requests.post(f"{BASE}/authentication", json={"customer_uuid": "c", "phone_number": phone}, headers=HEADERS)
            res = requests.post(BASE + "/check", json={"customer_uuid": "c", "authentication_uuid": "u", "check_code": code}, headers=HEADERS)
            return res.json()["status"] == "valid"
     ''', f'''
        import requests

        BASE = "https://api.prelude.dev/v2"
        {KEY_TODO}
        HEADERS = {{"Authorization": "Bearer test-v1-key"}}

        def verify(phone, code):
            requests.post(f"{{BASE}}/verification", json={{"target": {{"type": "phone_number", "value": phone}}}}, headers=HEADERS)
            res = requests.post(BASE + "/verification/check", json={{"target": {{"type": "phone_number", "value": phone}}, "code": code}}, headers=HEADERS)
            return res.json()["status"] == "success"
     '''),
    ("endpoint-constants-and-trailing-slash-base", '''
        import requests

        API = "https://api.ding.live/v1/"
        CREATE_URL = API + "authentication"

        def start(user):
            requests.post(CREATE_URL, json={"phone_number": user.phone}, headers={"X-API-Key": K})
     ''', f'''
        import requests

        API = "https://api.prelude.dev/v2/"
        CREATE_URL = API + "verification"

        def start(user):
            {KEY_TODO}
            requests.post(CREATE_URL, json={{"target": {{"type": "phone_number", "value": user.phone}}}}, headers={{"Authorization": f"Bearer {{K}}"}})
     '''),
    ("check-without-phone-in-scope-is-left-with-todo", '''
        import requests

        BASE = "https://api.ding.live/v1"

        def check(auth_uuid, code):
            r = requests.post(f"{BASE}/check", json={"customer_uuid": "c", "authentication_uuid": auth_uuid, "check_code": code}, headers=H)
            return r.json()["status"] == "valid"
     ''', '''
        import requests

        BASE = "https://api.ding.live/v1"

        def check(auth_uuid, code):
            # TODO(prelude-migration): v2 check is keyed by the phone number, not authentication_uuid, and no provably same number is in scope here: send {target: {type: phone_number, value}, code} to https://api.prelude.dev/v2/verification/check
            r = requests.post(f"{BASE}/check", json={"customer_uuid": "c", "authentication_uuid": auth_uuid, "check_code": code}, headers=H)
            return r.json()["status"] == "valid"
     '''),
    ("check-with-a-phone-parameter-is-assumed-with-todo", '''
        import requests

        def check(phone_number, auth_uuid, code):
            r = requests.post("https://api.ding.live/v1/check", json={"authentication_uuid": auth_uuid, "check_code": code}, headers={"X-API-Key": k})
            return r.json()["status"] == "valid"

        def check_rebound(phone, auth_uuid, code):
            phone = normalise(phone)
            requests.post("https://api.ding.live/v1/check", json={"authentication_uuid": auth_uuid, "check_code": code}, headers={"X-API-Key": k})
     ''', f'''
        import requests

        def check(phone_number, auth_uuid, code):
            {KEY_TODO}
            # TODO(prelude-migration): v2 check is keyed by phone number; `phone_number` is assumed to be the number the verification was created for
            r = requests.post("https://api.prelude.dev/v2/verification/check", json={{"target": {{"type": "phone_number", "value": phone_number}}, "code": code}}, headers={{"Authorization": f"Bearer {{k}}"}})
            return r.json()["status"] == "success"

        def check_rebound(phone, auth_uuid, code):
            phone = normalise(phone)
            # TODO(prelude-migration): v2 check is keyed by the phone number, not authentication_uuid, and no provably same number is in scope here: send {{target: {{type: phone_number, value}}, code}} to https://api.prelude.dev/v2/verification/check
            requests.post("https://api.ding.live/v1/check", json={{"authentication_uuid": auth_uuid, "check_code": code}}, headers={{"X-API-Key": k}})
     '''),
    ("rebound-phone-is-not-provably-the-same", '''
        import requests

        def flow(phone, code):
            requests.post("https://api.ding.live/v1/authentication", json={"phone_number": phone}, headers={"X-API-Key": k})
            phone = other_number()
            requests.post("https://api.ding.live/v1/check", json={"authentication_uuid": a, "check_code": code}, headers={"X-API-Key": k})
     ''', f'''
        import requests

        def flow(phone, code):
            {KEY_TODO}
            requests.post("https://api.prelude.dev/v2/verification", json={{"target": {{"type": "phone_number", "value": phone}}}}, headers={{"Authorization": f"Bearer {{k}}"}})
            phone = other_number()
            # TODO(prelude-migration): v2 check is keyed by the phone number, not authentication_uuid, and no provably same number is in scope here: send {{target: {{type: phone_number, value}}, code}} to https://api.prelude.dev/v2/verification/check
            requests.post("https://api.ding.live/v1/check", json={{"authentication_uuid": a, "check_code": code}}, headers={{"X-API-Key": k}})
     '''),
    ("session-retry-and-feedback", '''
        import requests

        session = requests.Session()
        session.headers.update({"X-API-Key": "test-v1-key"})

        def resend(phone):
            session.post("https://api.ding.live/v1/authentication", json={"phone_number": phone})
            resp = session.post("https://api.ding.live/v1/retry", json={"customer_uuid": "c", "authentication_uuid": "u"})
            return resp.json().get("status") == "approved"
     ''', f'''
        import requests

        session = requests.Session()
        {KEY_TODO}
        session.headers.update({{"Authorization": "Bearer test-v1-key"}})

        def resend(phone):
            session.post("https://api.prelude.dev/v2/verification", json={{"target": {{"type": "phone_number", "value": phone}}}})
            resp = session.post("https://api.prelude.dev/v2/verification", json={{"target": {{"type": "phone_number", "value": phone}}}})
            return resp.json().get("status") in ("retry", "success", "challenged", "shadow_blocked")
     '''),
    ("feedback-is-removed-with-todo", '''
        import requests

        def done(phone):
            log("verified")
            requests.post("https://api.ding.live/v1/authentication/feedback", json={"phone_number": phone, "status": "onboarded"}, headers=H)

        def gave_up(phone):
            requests.post("https://api.ding.live/v1/authentication/feedback", json={"phone_number": phone, "status": "not_onboarded"}, headers=H)
     ''', '''
        import requests

        def done(phone):
            log("verified")
            # TODO(prelude-migration): v1 feedback removed: Verify v2 already feeds Watch; if verification runs outside Verify, POST https://api.prelude.dev/v2/watch/feedback {"feedbacks": [{"target": {"type": "phone_number", "value": phone}, "type": "verification.completed"}]}

        def gave_up(phone):
            # TODO(prelude-migration): v1 feedback (not_onboarded) removed: v2 has no equivalent
            pass
     '''),
    ("feedback-whose-result-is-used-is-left-with-todo", '''
        import requests

        def done(phone):
            r = requests.post("https://api.ding.live/v1/authentication/feedback", json={"phone_number": phone, "status": "onboarded"}, headers=H)
            return r.json()["uuid"]
     ''', '''
        import requests

        def done(phone):
            # TODO(prelude-migration): v1 feedback has no v2 call when Prelude Verify sends the codes (it feeds Watch itself): delete this call, or send POST https://api.prelude.dev/v2/watch/feedback {feedbacks: [{target, type: 'verification.completed'}]} for flows outside Verify
            r = requests.post("https://api.ding.live/v1/authentication/feedback", json={"phone_number": phone, "status": "onboarded"}, headers=H)
            return r.json()["uuid"]
     '''),
    ("status-moves-to-history-with-todo", '''
        import requests as rq

        def status(auth_id):
            return rq.get(f"https://api.ding.live/v1/authentication/{auth_id}", headers={"X-API-Key": k}).json()
     ''', f'''
        import requests as rq

        def status(auth_id):
            {KEY_TODO}
            # TODO(prelude-migration): v2 verification history takes the v2 verification id (the create response's 'id') and answers a different shape (status, lifecycle.events, ...): review the reads of this response
            return rq.get(f"https://api.prelude.dev/v2/verification/phone/history/{{auth_id}}", headers={{"Authorization": f"Bearer {{k}}"}}).json()
     '''),
    ("read-inside-a-rebuilt-url-is-rewritten-too", '''
        import requests

        BASE = "https://api.ding.live/v1"

        def flow(phone):
            auth = requests.post(f"{BASE}/authentication", json={"phone_number": phone}, headers=H).json()
            requests.get(f"{BASE}/authentication/{auth['authentication_uuid']}", headers=H)
     ''', '''
        import requests

        BASE = "https://api.prelude.dev/v2"

        def flow(phone):
            # TODO(prelude-migration): these headers are built where this tool cannot see them; make sure they send Authorization: Bearer <v2 API key> instead of X-API-Key
            auth = requests.post(f"{BASE}/verification", json={"target": {"type": "phone_number", "value": phone}}, headers=H).json()
            # TODO(prelude-migration): these headers are built where this tool cannot see them; make sure they send Authorization: Bearer <v2 API key> instead of X-API-Key
            requests.get(f"{BASE}/verification/phone/history/{auth['id']}", headers=H)
     '''),
    ("lookup-with-httpx-client-and-reads", '''
        import httpx

        def carrier(phone):
            with httpx.Client(headers={"x-api-key": KEY, "customer-uuid": CU}) as client:
                data = client.get("https://api.ding.live/v1/lookup/" + phone, params={"type": "cnam"}).json()
            return data["carrier"], data.get("mcc"), data["number_ported"], data["line_type"] == "FixedLine"
     ''', f'''
        import httpx

        def carrier(phone):
            {KEY_TODO}
            with httpx.Client(headers={{"Authorization": f"Bearer {{KEY}}"}}) as client:
                data = client.get("https://api.prelude.dev/v2/lookup/" + phone, params={{"type": "cnam"}}).json()
            return data["network_info"]["carrier_name"], data.get("network_info", {{}}).get("mcc"), ("ported" in data.get("flags", [])), data["line_type"] == "fixed_line"
     '''),
    ("request-form-alias-and-local-body", '''
        from requests import request

        def start(phone, device):
            payload = {"customer_uuid": "c", "phone_number": phone, "device_type": device, "is_returning_user": True}
            request("POST", "https://api.ding.live/v1/authentication", json=payload, headers={"X-API-Key": k})
     ''', f'''
        from requests import request

        def start(phone, device):
            # TODO(prelude-migration): was is_returning_user; use is_trusted_user only if agreed with Prelude
            payload = {{"target": {{"type": "phone_number", "value": phone}}, "signals": {{"device_platform": device.lower(), "existing_user": True}}}}
            {KEY_TODO}
            request("POST", "https://api.prelude.dev/v2/verification", json=payload, headers={{"Authorization": f"Bearer {{k}}"}})
     '''),
    ("spread-in-body-is-kept-with-todo", '''
        import requests

        requests.post("https://api.ding.live/v1/authentication", json={"phone_number": p, **extra, "ip": ip}, headers={"X-API-Key": k})
     ''', f'''
        import requests

        {KEY_TODO}
        # TODO(prelude-migration): fields spread from extra are not rewritten for v2
        requests.post("https://api.prelude.dev/v2/verification", json={{"target": {{"type": "phone_number", "value": p}}, "signals": {{"ip": ip}}, **extra}}, headers={{"Authorization": f"Bearer {{k}}"}})
     '''),
    # A header dict spread from code this tool cannot see may still carry X-API-Key.
    ("header-spread-from-a-helper-gets-a-todo", '''
        import requests

        def lookup(phone):
            return requests.get(f"https://api.ding.live/v1/lookup/{phone}", headers={**auth_headers(), "customer-uuid": C})
     ''', '''
        import requests

        def lookup(phone):
            # TODO(prelude-migration): the v2 lookup response differs: carrier/mcc/mnc under network_info, number_ported/temporary_phone_number in flags, snake_case line_type values; review the code that reads this response
            # TODO(prelude-migration): these headers are built where this tool cannot see them; make sure they send Authorization: Bearer <v2 API key> instead of X-API-Key
            return requests.get(f"https://api.prelude.dev/v2/lookup/{phone}", headers={**auth_headers()})
     '''),
    ("body-not-visible-is-left-with-todo", '''
        import requests

        def start(payload):
            return requests.post("https://api.ding.live/v1/authentication", json=payload, headers=H)
     ''', '''
        import requests

        def start(payload):
            # TODO(prelude-migration): the request body is not visible here; v2 /v2/verification expects {target: {type: phone_number, value}, signals, options, metadata} (customer_uuid is gone)
            return requests.post("https://api.ding.live/v1/authentication", json=payload, headers=H)
     '''),
    ("escaping-response-gets-todo", '''
        import httpx

        async def start(client_phone):
            async with httpx.AsyncClient() as c:
                resp = await c.post("https://api.ding.live/v1/authentication", json={"phone_number": client_phone}, headers={"X-API-Key": k})
            return resp
     ''', f'''
        import httpx

        async def start(client_phone):
            async with httpx.AsyncClient() as c:
                {KEY_TODO}
                # TODO(prelude-migration): the v2 create response differs: authentication_uuid -> id; status success/retry/challenged/blocked/shadow_blocked (+ reason); no created_at/expires_at; review the code that reads this response
                resp = await c.post("https://api.prelude.dev/v2/verification", json={{"target": {{"type": "phone_number", "value": client_phone}}}}, headers={{"Authorization": f"Bearer {{k}}"}})
            return resp
     '''),
    ("error-codes-through-the-table", '''
        import requests

        def start(phone):
            r = requests.post("https://api.ding.live/v1/authentication", json={"phone_number": phone}, headers={"X-API-Key": k})
            data = r.json()
            if data["code"] == "negative_balance":
                raise Broke()
            if data["code"] != "invalid_template_id":
                pass
            if data["code"] == "blocked_number":
                raise Blocked()
     ''', f'''
        import requests

        def start(phone):
            {KEY_TODO}
            r = requests.post("https://api.prelude.dev/v2/verification", json={{"target": {{"type": "phone_number", "value": phone}}}}, headers={{"Authorization": f"Bearer {{k}}"}})
            data = r.json()
            if data["code"] == "insufficient_balance":
                raise Broke()
            # TODO(prelude-migration): v1 error 'invalid_template_id' maps to several v2 codes
            if data["code"] not in ("invalid_template_id", "template_not_found", "template_not_registered_in_country"):
                pass
            # TODO(prelude-migration): v1 error 'blocked_number' is now a 200 response with status 'blocked' (reason 'in_block_list'); check the create result's status
            if data["code"] == "blocked_number":
                raise Blocked()
     '''),
    ("check-statuses-without-v2-equivalent", '''
        import requests

        def flow(phone, code):
            requests.post("https://api.ding.live/v1/authentication", json={"phone_number": phone}, headers={"X-API-Key": k})
            res = requests.post("https://api.ding.live/v1/check", json={"authentication_uuid": a, "check_code": code}, headers={"X-API-Key": k}).json()
            if res["status"] == "already_validated":
                return True
            return "valid" == res["status"]
     ''', f'''
        import requests

        def flow(phone, code):
            {KEY_TODO}
            requests.post("https://api.prelude.dev/v2/verification", json={{"target": {{"type": "phone_number", "value": phone}}}}, headers={{"Authorization": f"Bearer {{k}}"}})
            {KEY_TODO}
            res = requests.post("https://api.prelude.dev/v2/verification/check", json={{"target": {{"type": "phone_number", "value": phone}}, "code": code}}, headers={{"Authorization": f"Bearer {{k}}"}}).json()
            # TODO(prelude-migration): v1 check status 'already_validated' has no v2 equivalent (v2 statuses: success, failure, expired_or_not_found)
            if res["status"] == "already_validated":
                return True
            return "success" == res["status"]
     '''),
    ("unknown-v1-path", '''
        import requests

        requests.get("https://api.ding.live/v1/whatever")
     ''', '''
        import requests

        # TODO(prelude-migration): this v1 URL is no endpoint this tool knows; move it to https://api.prelude.dev/v2 by hand
        requests.get("https://api.ding.live/v1/whatever")
     '''),
    ("json-dumps-urljoin-comments-and-session-header-item", '''
        import json
        from urllib.parse import urljoin

        import requests

        BASE = "https://api.ding.live/v1/"
        s = requests.Session()
        s.headers["X-API-Key"] = os.environ["DING_KEY"]

        def start(phone):
            r = requests.post(url=urljoin(BASE, "authentication"), data=json.dumps({
                # the customer
                "customer_uuid": CU,
                "phone_number": phone,  # E.164
                "locale": "fr-FR",
            }), headers={"X-API-Key": os.environ["DING_KEY"]})
            return r.json()["authentication_uuid"]

        def look(phone):
            return s.get(BASE + "lookup/" + phone).json()["carrier"]
     ''', f'''
        import json
        from urllib.parse import urljoin

        import requests

        BASE = "https://api.prelude.dev/v2/"
        s = requests.Session()
        {KEY_TODO}
        s.headers["Authorization"] = f'Bearer {{os.environ["DING_KEY"]}}'

        def start(phone):
            {KEY_TODO}
            r = requests.post(url="https://api.prelude.dev/v2/verification", data=json.dumps({{
                # the customer
                # E.164
                "target": {{"type": "phone_number", "value": phone}},
                "options": {{"locale": "fr-FR"}},
            }}), headers={{"Authorization": f'Bearer {{os.environ["DING_KEY"]}}'}})
            return r.json()["id"]

        def look(phone):
            return s.get(BASE + "lookup/" + phone).json()["network_info"]["carrier_name"]
     '''),
    ("headers-shared-with-unrewritten-call-stay", '''
        import requests

        H = {"X-API-Key": "test-v1-key"}

        def lookup(phone):
            return requests.get(f"https://api.ding.live/v1/lookup/{phone}", headers=H)

        def check(a, code):
            requests.post("https://api.ding.live/v1/check", json={"authentication_uuid": a, "check_code": code}, headers=H)
     ''', '''
        import requests

        H = {"X-API-Key": "test-v1-key"}

        def lookup(phone):
            # TODO(prelude-migration): the v2 lookup response differs: carrier/mcc/mnc under network_info, number_ported/temporary_phone_number in flags, snake_case line_type values; review the code that reads this response
            # TODO(prelude-migration): the headers of this call are shared with code this tool did not rewrite; v2 needs Authorization: Bearer <v2 API key> instead of X-API-Key
            return requests.get(f"https://api.prelude.dev/v2/lookup/{phone}", headers=H)

        def check(a, code):
            # TODO(prelude-migration): v2 check is keyed by the phone number, not authentication_uuid, and no provably same number is in scope here: send {target: {type: phone_number, value}, code} to https://api.prelude.dev/v2/verification/check
            requests.post("https://api.ding.live/v1/check", json={"authentication_uuid": a, "check_code": code}, headers=H)
     '''),
    ("todo-on-the-first-statement-is-not-repeated", '''
        HEADERS = {"X-API-Key": "test-v1-key"}
        import requests
        requests.get("https://api.ding.live/v1/lookup/+33600000000", headers=HEADERS)
     ''', f'''
        {KEY_TODO}
        HEADERS = {{"Authorization": "Bearer test-v1-key"}}
        import requests
        requests.get("https://api.prelude.dev/v2/lookup/+33600000000", headers=HEADERS)
     '''),
    ("base-url-client-moves-when-every-call-moves", '''
        import httpx

        client = httpx.Client(base_url="https://api.ding.live/v1/", headers={"X-API-Key": KEY})

        def start(phone):
            return client.post("/authentication", json={"phone_number": phone}).json()["authentication_uuid"]

        def carrier(phone):
            return client.get(f"lookup/{phone}").json()["carrier"]
     ''', f'''
        import httpx

        {KEY_TODO}
        client = httpx.Client(base_url="https://api.prelude.dev/v2/", headers={{"Authorization": f"Bearer {{KEY}}"}})

        def start(phone):
            return client.post("/verification", json={{"target": {{"type": "phone_number", "value": phone}}}}).json()["id"]

        def carrier(phone):
            return client.get(f"lookup/{{phone}}").json()["network_info"]["carrier_name"]
     '''),
    ("base-url-client-passed-on-stays", '''
        import httpx

        client = httpx.Client(base_url="https://api.ding.live/v1/", headers={"X-API-Key": KEY})
        client.get("lookup/+33600000000")
        register(client)
     ''', '''
        import httpx

        client = httpx.Client(base_url="https://api.ding.live/v1/", headers={"X-API-Key": KEY})
        # TODO(prelude-migration): this client's base_url points at api.ding.live/v1; move the client and its calls to https://api.prelude.dev/v2 by hand
        client.get("lookup/+33600000000")
        register(client)
     '''),
    ("base-url-client-with-a-call-left-behind-stays", '''
        import httpx

        client = httpx.Client(base_url="https://api.ding.live/v1")
        client.get("/lookup/+33600000000")
        client.post("/check", json=body)
     ''', '''
        import httpx

        client = httpx.Client(base_url="https://api.ding.live/v1")
        # TODO(prelude-migration): this client's base_url points at api.ding.live/v1; move the client and its calls to https://api.prelude.dev/v2 by hand
        client.get("/lookup/+33600000000")
        # TODO(prelude-migration): the request body is not visible here; v2 /v2/verification/check expects {target: {type: phone_number, value}, code} (customer_uuid is gone)
        client.post("/check", json=body)
     '''),
]

NOOPS = [
    ("v2-code", '''
        import requests
        requests.post("https://api.prelude.dev/v2/verification", json={"target": {"type": "phone_number", "value": p}},
                      headers={"Authorization": f"Bearer {key}"})
     '''),
    ("look-alike-host", '''
        import requests
        requests.post("https://mbktrading.live/v1/authentication", json={"phone_number": p}, headers={"X-API-Key": k})
     '''),
    ("other-api-with-x-api-key", '''
        import requests
        requests.get("https://api.example.com/v1/check", headers={"X-API-Key": k})
     '''),
    ("django-app-named-ding", '''
        from ding.models import Bell
        from ding import views
        padding = "0"
     '''),
    ("dingtalk-bot", '''
        import requests
        requests.post("https://oapi.dingtalk.com/robot/send?access_token=t", json={"msgtype": "text"})
     '''),
    ("legacy-v2-host-is-the-hosts-codemod", '''
        import requests
        requests.post("https://api.ding.live/v2/transactional", json={"template_id": "t", "to": p})
     '''),
    ("url-without-http-call", '''
        DOC_URL = "https://api.ding.live/v1/check"
     '''),
]


@pytest.mark.parametrize("name,before,after", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair(name, before, after):
    assert_codemod(RawHttpCodemod, before, after)


@pytest.mark.parametrize("name,before,after", PAIRS, ids=[p[0] for p in PAIRS])
def test_pair_is_idempotent(name, before, after):
    assert_idempotent(RawHttpCodemod, after)


@pytest.mark.parametrize("name,code", NOOPS, ids=[n[0] for n in NOOPS])
def test_noop(name, code):
    assert_codemod(RawHttpCodemod, code, code)
