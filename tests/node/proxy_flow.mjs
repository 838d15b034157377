// An unchanged v1 client in Node (plain fetch, as hand-written v1 clients do) with only its base
// URL moved to the proxy: create -> check (wrong, then right after a retry) -> status -> lookup.
// Usage: node proxy_flow.mjs PROXY_URL SANDBOX_URL CLIENT_KEY PHONE. Prints one JSON line.
const [proxy, sandbox, key, phone] = process.argv.slice(2);
const APIURL = `${proxy}/v1`;
const CUSTOMER = "00000000-0000-4000-8000-000000000001";
const headers = { "X-API-Key": key, "Content-Type": "application/json" };

async function call(method, path, body) {
  const answer = await fetch(APIURL + path, { method, headers, body: body && JSON.stringify(body) });
  return { status: answer.status, body: await answer.json() };
}
const sentCode = async () =>
  (await (await fetch(`${sandbox}/_sandbox/codes/${encodeURIComponent(phone)}`)).json()).code;

const created = await call("POST", "/authentication", { customer_uuid: CUSTOMER, phone_number: phone });
const uuid = created.body.authentication_uuid;
const wrong = await call("POST", "/check", { customer_uuid: CUSTOMER, authentication_uuid: uuid, check_code: "000" });
const retried = await call("POST", "/retry", { customer_uuid: CUSTOMER, authentication_uuid: uuid });
const right = await call("POST", "/check", { customer_uuid: CUSTOMER, authentication_uuid: uuid, check_code: await sentCode() });
const status = await call("GET", `/authentication/${uuid}`);
const lookup = await call("GET", `/lookup/${encodeURIComponent(phone)}`);
console.log(JSON.stringify({
  created: [created.status, created.body.status], uuid,
  wrong: [wrong.status, wrong.body.status], retried: [retried.status, retried.body.status],
  right: [right.status, right.body.status], status: [status.status, status.body.uuid],
  lookup: [lookup.status, lookup.body.line_type, lookup.body.country_code],
}));
