"""JS/TS raw HTTP to v1, before/after pairs written by hand; and the do-no-harm cases: where a
value's flow leaves what is visible, the call is left as it was with a TODO."""
from __future__ import annotations

import textwrap

import pytest

from codemods.lang import rewrite_source

TODO = "TODO(prelude-migration)"


def rewrite(source: str, language: str = "javascript") -> str:
    result = rewrite_source(language, textwrap.dedent(source), "f.js")
    assert result.error is None
    again = rewrite_source(language, result.new_source, "f.js")
    assert again.new_source == result.new_source, "not idempotent"
    return result.new_source


def code_lines(text: str) -> str:
    return "".join(line for line in text.splitlines(True) if TODO not in line)


def test_axios_instance_create_and_check_in_one_flow():
    after = rewrite("""\
        import axios from "axios";
        const api = axios.create({ baseURL: "https://api.ding.live/v1", headers: { "X-API-Key": KEY } });
        async function f(phone, code) {
          const { data } = await api.post("/authentication", { customer_uuid: C, phone_number: phone, template_id: "t1" });
          const res = await api.post("/check", { customer_uuid: C, authentication_uuid: data.authentication_uuid, check_code: code });
          return res.data.status === "invalid";
        }
        """)
    assert code_lines(after) == textwrap.dedent("""\
        import axios from "axios";
        const api = axios.create({ baseURL: "https://api.prelude.dev/v2", headers: { "Authorization": `Bearer ${KEY}` } });
        async function f(phone, code) {
          const { data } = await api.post("/verification", { target: { type: "phone_number", value: phone }, options: { template_id: "t1" } });
          const res = await api.post("/verification/check", { target: { type: "phone_number", value: phone }, code: code });
          return res.data.status === "failure";
        }
        """)
    assert "v1 template ids may not exist in v2" in after  # CREATE_FIELD_REVIEW note kept as a TODO


def test_no_axios_import_means_no_client():
    # `api` is no axios instance here (no import of axios, no axios.create): only the TODO layer acts.
    source = 'const r = await api.post("https://api.ding.live/v1/authentication", {});\n'
    after = rewrite_source("javascript", source, "f.js").new_source
    assert code_lines(after) == source and TODO in after


@pytest.mark.parametrize("why,source", [
    ("check id from elsewhere", """\
        async function check(authUuid, code) {
          return fetch("https://api.ding.live/v1/check", { method: "POST", headers: { "X-API-Key": K },
            body: JSON.stringify({ customer_uuid: C, authentication_uuid: authUuid, check_code: code }) });
        }
        """),
    ("phone reassigned before the check", """\
        async function f(phone, code) {
          const r = await (await fetch("https://api.ding.live/v1/authentication", { method: "POST", headers: { "X-API-Key": K },
            body: JSON.stringify({ customer_uuid: C, phone_number: phone }) })).json();
          phone = "+15550000000";
          await fetch("https://api.ding.live/v1/check", { method: "POST", headers: { "X-API-Key": K },
            body: JSON.stringify({ customer_uuid: C, authentication_uuid: r.authentication_uuid, check_code: code }) });
        }
        """),
    ("body built elsewhere", """\
        async function f(body) {
          await fetch("https://api.ding.live/v1/authentication", { method: "POST", headers: { "X-API-Key": K }, body: JSON.stringify(body) });
        }
        """),
    ("body with a spread", """\
        async function f(extra) {
          await fetch("https://api.ding.live/v1/authentication", { method: "POST", headers: { "X-API-Key": K },
            body: JSON.stringify({ customer_uuid: C, phone_number: P, ...extra }) });
        }
        """),
    ("headers built elsewhere", """\
        async function f(headers) {
          await fetch("https://api.ding.live/v1/authentication", { method: "POST", headers,
            body: JSON.stringify({ customer_uuid: C, phone_number: P }) });
        }
        """),
    ("feedback", """\
        async function f() {
          await fetch("https://api.ding.live/v1/authentication/feedback", { method: "POST", headers: { "X-API-Key": K },
            body: JSON.stringify({ customer_uuid: C, phone_number: P, status: "onboarded" }) });
        }
        """),
    ("status by id", """\
        async function f(id) {
          return (await fetch(`https://api.ding.live/v1/authentication/${id}`, { headers: { "X-API-Key": K } })).json();
        }
        """),
    ("wrong method", """\
        async function f() {
          await fetch("https://api.ding.live/v1/check", { headers: { "X-API-Key": K } });
        }
        """),
])
def test_what_is_not_visible_is_left_with_a_todo(why, source):
    after = rewrite(source)
    assert TODO in after
    assert "api.ding.live/v1" in code_lines(after), why  # the call itself is not moved


def test_a_base_constant_used_outside_rewritten_calls_is_not_moved():
    after = rewrite("""\
        const BASE = "https://api.ding.live/v1";
        export const docsBase = BASE;
        async function f(p) {
          await fetch(`${BASE}/authentication`, { method: "POST", headers: { "X-API-Key": K },
            body: JSON.stringify({ customer_uuid: C, phone_number: p }) });
        }
        """)
    assert 'const BASE = "https://api.ding.live/v1";' in after
    assert "`${BASE}/authentication`" in after and TODO in after


def test_response_returned_is_flagged_but_the_request_moves():
    after = rewrite("""\
        async function start(p) {
          const res = await fetch("https://api.ding.live/v1/authentication", { method: "POST", headers: { "X-API-Key": K },
            body: JSON.stringify({ customer_uuid: C, phone_number: p }) });
          return res.json();
        }
        """)
    assert '"https://api.prelude.dev/v2/verification"' in after
    assert "the v2 create response differs" in after


def test_statuses_error_codes_and_lookup_reads():
    after = rewrite("""\
        import got from "got";
        import ky from "ky";
        async function f(p) {
          try {
            const r = await got.post("https://api.ding.live/v1/authentication", { headers: { "x-api-key": K },
              json: { customer_uuid: C, phone_number: p } }).json();
            switch (r.status) {
              case "pending": return "sent";
              case "spam_detected": return "spam";
            }
          } catch (e) {
            if (e.response.body.code === "negative_balance") return "pay";
            if (e.response.body.code === "blocked_number") return "blocked";
          }
        }
        async function g(p) {
          const info = await ky.get(`https://api.ding.live/v1/lookup/${p}`, { headers: { "X-API-Key": K, "customer-uuid": C } }).json();
          return [info.carrier, info.number_ported, info.country_code];
        }
        """)
    body = code_lines(after)
    assert 'case "success": case "retry": case "challenged": case "shadow_blocked": return "sent";' in body
    assert 'case "blocked": case "shadow_blocked": return "spam";' in body
    assert 'code === "insufficient_balance"' in body
    assert "v1 error 'blocked_number' is now a 200 response with status 'blocked'" in after
    assert "`https://api.prelude.dev/v2/lookup/${p}`" in body and "customer-uuid" not in body
    assert "[info.network_info?.carrier_name, (info.flags ?? []).includes(\"ported\"), info.country_code]" in body


def test_imports_of_the_clients_are_what_makes_them_clients():
    source = textwrap.dedent("""\
        import got from "got";
        import ky from "ky";
        """)
    assert rewrite_source("javascript", source, "f.js").new_source == source


@pytest.mark.parametrize("language", ["typescript", "tsx"])
def test_typescript_annotations_are_kept(language):
    after = rewrite("""\
        import axios from "axios";
        export async function send(phone: string): Promise<string> {
          const res = await axios.post("https://api.ding.live/v1/authentication",
            { customer_uuid: C, phone_number: phone }, { headers: { "X-API-Key": K as string } });
          return res.data.authentication_uuid;
        }
        """, language)
    assert '"https://api.prelude.dev/v2/verification"' in after
    assert "return res.data.id;" in after
    assert "\"Authorization\": `Bearer ${K as string}`" in after


def test_axios_instance_kept_in_a_class_member():
    # this.http = axios.create(...) in the constructor, or a class field: calls through this.http move
    for make in ('constructor(key: string) {\n    this.http = axios.create({ baseURL: "https://api.ding.live/v1", '
                 'headers: { "x-api-key": key } });\n  }',
                 'http = axios.create({ baseURL: "https://api.ding.live/v1", headers: { "x-api-key": KEY } });'):
        source = ('import axios from "axios";\nclass Otp {\n  ' + make + '\n'
                  '  async send(phone: string) {\n'
                  '    const { data } = await this.http.post("/authentication", { customer_uuid: C, phone_number: phone });\n'
                  '    return data.authentication_uuid;\n  }\n}\n')
        after = rewrite(source, "typescript")
        assert 'baseURL: "https://api.prelude.dev/v2"' in after and "Bearer" in after
        assert 'this.http.post("/verification", { target: { type: "phone_number", value: phone } })' in after
        assert "return data.id;" in after


def test_class_member_instances_made_twice_or_handed_out_are_left():
    two = ('import axios from "axios";\n'
           'class A {\n  http = axios.create({ baseURL: "https://api.ding.live/v1" });\n'
           '  f(p) { return this.http.post("/authentication", { phone_number: p }); }\n}\n'
           'class B {\n  http = axios.create({ baseURL: "https://example.test" });\n'
           '  g() { return this.http.get("/x"); }\n}\n')
    after = rewrite(two, "typescript")
    assert 'this.http.post("/authentication", { phone_number: p })' in after  # which instance: not visible
    assert TODO in after
    handed = ('import axios from "axios";\n'
              'class A {\n  http = axios.create({ baseURL: "https://api.ding.live/v1", headers: { "x-api-key": K } });\n'
              '  f(p) { return this.http.post("/authentication", { phone_number: p }); }\n'
              '  client() { return this.http; }\n}\n')
    after = rewrite(handed, "typescript")
    assert 'baseURL: "https://api.ding.live/v1"' in after and TODO in after  # used outside the rewritten calls


def test_an_approximate_status_is_rewritten_and_marked_as_in_python():
    """One status policy (codemods.core.mapping): 'without_attempt' becomes v2's
    'expired_or_not_found', which is only approximately the same, so a TODO says so."""
    after = rewrite("""\
        import axios from "axios";
        const api = axios.create({ baseURL: "https://api.ding.live/v1", headers: { "X-API-Key": KEY } });
        async function f(phone, code) {
          const { data } = await api.post("/authentication", { customer_uuid: C, phone_number: phone });
          const res = await api.post("/check", { customer_uuid: C, authentication_uuid: data.authentication_uuid, check_code: code });
          return res.data.status === "without_attempt";
        }
        """)
    assert 'return res.data.status === "expired_or_not_found";' in after
    assert f"// {TODO}: v1 check status 'without_attempt' maps only approximately to 'expired_or_not_found'" in after
    assert '"without_attempt"' not in code_lines(after)
