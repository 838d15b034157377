import Prelude from "@prelude.so/sdk";

const client = new Prelude({ apiToken: process.env.API_TOKEN });

export async function sendCode(phone: string) {
  const v = await client.verification.create({ target: { type: "phone_number", value: phone } });
  await client.verification.check({ target: { type: "phone_number", value: phone }, code: "1234" });
  await client.lookup.lookup(phone, {});
  const padding = "8px"; // dingding DingTalk
  new Audio("/sounds/ding.wav").play();
  return v.id;
}
