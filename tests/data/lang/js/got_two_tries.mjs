// got with .json(): a user who types a wrong code first, then the right one.
import got from "got";
import { createInterface } from "node:readline/promises";

const headers = { "x-api-key": process.env.DING_API_KEY };

async function twoTries(phone, ask) {
  const created = await got.post("https://api.ding.live/v1/authentication", {
    headers,
    json: { customer_uuid: process.env.DING_CUSTOMER_UUID, phone_number: phone, locale: "fr-FR" },
  }).json();
  const first = await got.post("https://api.ding.live/v1/check", {
    headers,
    json: { customer_uuid: process.env.DING_CUSTOMER_UUID, authentication_uuid: created.authentication_uuid, check_code: "000000" },
  }).json();
  const code = await ask("CODE? ");
  const second = await got.post("https://api.ding.live/v1/check", {
    headers,
    json: { customer_uuid: process.env.DING_CUSTOMER_UUID, authentication_uuid: created.authentication_uuid, check_code: code },
  }).json();
  return { first: first.status === "valid", second: second.status === "valid" };
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(JSON.stringify(await twoTries(process.argv[2], (q) => rl.question(q))));
rl.close();
