// An OTP service module on an axios instance (baseURL + default headers), used by a small CLI.
import axios from "axios";
import { createInterface } from "node:readline/promises";

const ding = axios.create({
  baseURL: "https://api.ding.live/v1",
  headers: { "X-API-Key": process.env.DING_API_KEY, "Content-Type": "application/json" },
  timeout: 5000,
});

export async function verifyPhone(phone, askCode) {
  const { data } = await ding.post("/authentication", {
    customer_uuid: process.env.DING_CUSTOMER_UUID,
    phone_number: phone,
    ip: "203.0.113.7",
    device_type: "ANDROID",
    app_version: "4.2.0",
  });
  if (data.status === "rate_limited") return "slow down";
  const code = await askCode();
  const check = await ding.post("/check", {
    customer_uuid: process.env.DING_CUSTOMER_UUID,
    authentication_uuid: data.authentication_uuid,
    check_code: code,
  });
  switch (check.data.status) {
    case "valid":
      return "welcome";
    case "invalid":
      return "wrong code";
    default:
      return "try again";
  }
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(JSON.stringify({ result: await verifyPhone(process.argv[2], () => rl.question("CODE? ")) }));
rl.close();
