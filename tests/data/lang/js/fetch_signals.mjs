// fetch with device signals and a correlation id; the check outcome decides the next screen.
import { createInterface } from "node:readline/promises";

const KEY = process.env.DING_API_KEY;

async function onboard(phone, ask) {
  const payload = {
    customer_uuid: process.env.DING_CUSTOMER_UUID,
    phone_number: phone,
    device_id: "device-42",
    device_type: "IOS",
    os_version: "17.4",
    correlation_id: "signup-7",
  };
  const started = await (await fetch("https://api.ding.live/v1/authentication", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-Key": KEY },
    body: JSON.stringify(payload),
  })).json();
  const code = await ask("CODE? ");
  const res = await fetch("https://api.ding.live/v1/check", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-API-Key": KEY },
    body: JSON.stringify({ customer_uuid: process.env.DING_CUSTOMER_UUID, authentication_uuid: started.authentication_uuid, check_code: code }),
  });
  const { status } = await res.json();
  let screen;
  switch (status) {
    case "valid":
      screen = "home";
      break;
    case "invalid":
      screen = "retry";
      break;
    default:
      screen = "support";
  }
  return { screen };
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(JSON.stringify(await onboard(process.argv[2], (q) => rl.question(q))));
rl.close();
