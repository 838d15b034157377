// got with typed reads (.json<T>()): in TypeScript `await x.json<T>()` parses as `(await x.json)<T>()`,
// which once hid the response (and so the check's phone number) from the rewrite.
import got from "got";
import { createInterface } from "node:readline/promises";

interface Authentication {
  authentication_uuid: string;
  status: string;
}

const headers = { "X-API-Key": process.env.DING_API_KEY ?? "" };

async function confirm(phone: string, ask: () => Promise<string>): Promise<{ sent: boolean; ok: boolean }> {
  const auth = await got.post("https://api.ding.live/v1/authentication", {
    headers,
    json: { customer_uuid: process.env.DING_CUSTOMER_UUID, phone_number: phone },
  }).json<Authentication>();
  const code = await ask();
  const checked = await got.post("https://api.ding.live/v1/check", {
    headers,
    json: { customer_uuid: process.env.DING_CUSTOMER_UUID, authentication_uuid: auth.authentication_uuid, check_code: code },
  }).json<{ status: string }>();
  return { sent: auth.status === "pending", ok: checked.status === "valid" };
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(JSON.stringify(await confirm(process.argv[2], () => rl.question("CODE? "))));
rl.close();
