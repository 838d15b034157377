// ky: send a code, resend it when the user asks (v1 /retry), then check.
import ky from "ky";
import { createInterface } from "node:readline/promises";

const api = ky.create({ prefixUrl: "https://api.ding.live/v1", headers: { "X-API-Key": process.env.DING_API_KEY } });

async function withResend(phone, ask) {
  const auth = await api.post("authentication", {
    json: { customer_uuid: process.env.DING_CUSTOMER_UUID, phone_number: phone },
  }).json();
  await ask("WAIT? ");
  const again = await api.post("retry", {
    json: { customer_uuid: process.env.DING_CUSTOMER_UUID, authentication_uuid: auth.authentication_uuid },
  }).json();
  const code = await ask("CODE? ");
  const check = await api.post("check", {
    json: { customer_uuid: process.env.DING_CUSTOMER_UUID, authentication_uuid: auth.authentication_uuid, check_code: code },
  }).json();
  return { resent: again.status === "approved", verified: check.status === "valid" };
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(JSON.stringify(await withResend(process.argv[2], (q) => rl.question(q))));
rl.close();
