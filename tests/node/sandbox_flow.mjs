// create -> check (wrong, then right) -> lookup with the real @prelude.so/sdk against the sandbox.
// Usage: node sandbox_flow.mjs SANDBOX_URL PHONE. Prints one JSON line with what it saw.
import Prelude from "@prelude.so/sdk";

const [url, phone] = process.argv.slice(2);
const client = new Prelude({ apiToken: "test-v2-key", baseURL: url, maxRetries: 0 });
const target = { type: "phone_number", value: phone };

const created = await client.verification.create({ target, signals: { device_platform: "ios" } });
const wrong = await client.verification.check({ target, code: "not-the-code" });
const sent = await (await fetch(`${url}/_sandbox/codes/${encodeURIComponent(phone)}`)).json();
const right = await client.verification.check({ target, code: sent.code });
const lookup = await client.lookup.lookup(phone, { type: ["cnam"] });
let refused = null;
try {
  await client.verification.create({ target: { type: "phone_number", value: "0612" } });
} catch (error) {
  refused = { status: error.status, code: error.error?.code, param: error.error?.param };
}
console.log(JSON.stringify({
  created: { status: created.status, id: created.id },
  wrong: wrong.status,
  right: right.status,
  lookup: { line_type: lookup.line_type, country_code: lookup.country_code, caller_name: lookup.caller_name },
  refused,
}));
