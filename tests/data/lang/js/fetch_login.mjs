// A Node CLI that logs a user in by phone: send a code, ask for it, check it (global fetch).
import { createInterface } from "node:readline/promises";

const BASE = "https://api.ding.live/v1";
const API_KEY = process.env.DING_API_KEY;
const CUSTOMER_UUID = process.env.DING_CUSTOMER_UUID;

async function login(phone, ask) {
  const res = await fetch(`${BASE}/authentication`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-Key": API_KEY },
    body: JSON.stringify({ customer_uuid: CUSTOMER_UUID, phone_number: phone }),
  });
  if (!res.ok) throw new Error(`create failed: HTTP ${res.status}`);
  const auth = await res.json();
  if (auth.status !== "pending") return { sent: false };
  const code = await ask("CODE? ");
  const checked = await fetch(`${BASE}/check`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-Key": API_KEY },
    body: JSON.stringify({ customer_uuid: CUSTOMER_UUID, authentication_uuid: auth.authentication_uuid, check_code: code }),
  });
  const result = await checked.json();
  return { sent: true, verified: result.status === "valid", idIsText: typeof auth.authentication_uuid === "string" };
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
const outcome = await login(process.argv[2], (q) => rl.question(q));
rl.close();
console.log(JSON.stringify(outcome));
