// The v1 JavaScript SDK (@ding-live/ding) in TypeScript: send a code, check it, look the number up.
import { Ding } from "@ding-live/ding";
import { createInterface } from "node:readline/promises";

const ding = new Ding({ apiKey: process.env.DING_API_KEY! });

interface Outcome {
  sent: boolean;
  verified?: boolean;
  country?: string;
}

async function signup(phoneNumber: string, ask: (q: string) => Promise<string>): Promise<Outcome> {
  const auth = await ding.otp.createAuthentication({
    customerUuid: process.env.DING_CUSTOMER_UUID!,
    phoneNumber,
    deviceType: "IOS",
    appVersion: "5.0.1",
  });
  if (auth.status !== "pending") return { sent: false };
  const code: string = await ask("CODE? ");
  const check = await ding.otp.check({
    customerUuid: process.env.DING_CUSTOMER_UUID!,
    authenticationUuid: auth.authenticationUuid,
    checkCode: code,
  });
  const info = await ding.lookup.lookup(process.env.DING_CUSTOMER_UUID!, phoneNumber);
  return { sent: true, verified: check.status === "valid", country: info.countryCode };
}

const rl = createInterface({ input: process.stdin, output: process.stdout });
console.log(JSON.stringify(await signup(process.argv[2], (q: string) => rl.question(q))));
rl.close();
