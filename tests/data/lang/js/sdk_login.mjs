// The v1 JavaScript SDK (@ding-live/ding): send a code, ask for it, check it, look the number up.
import { Ding } from "@ding-live/ding";
import { createInterface } from "node:readline/promises";

const ding = new Ding({ apiKey: process.env.DING_API_KEY });

async function login(phoneNumber, ask) {
  const auth = await ding.otp.createAuthentication({
    customerUuid: process.env.DING_CUSTOMER_UUID,
    phoneNumber,
    deviceType: "ANDROID",
    appVersion: "3.1.0",
  });
  if (auth.status !== "pending") return { sent: false };
  const wrong = await ding.otp.check({
    customerUuid: process.env.DING_CUSTOMER_UUID,
    authenticationUuid: auth.authenticationUuid,
    checkCode: "000000",
  });
  const code = await ask("CODE? ");
  const right = await ding.otp.check({
    customerUuid: process.env.DING_CUSTOMER_UUID,
    authenticationUuid: auth.authenticationUuid,
    checkCode: code,
  });
  const info = await ding.lookup.lookup(process.env.DING_CUSTOMER_UUID, phoneNumber);
  return { sent: true, wrong: wrong.status === "valid", right: right.status === "valid", country: info.countryCode };
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(JSON.stringify(await login(process.argv[2], (q) => rl.question(q))));
rl.close();
