// shape of the usage examples in ding-live/ding-typescript USAGE.md / README.md (rewritten, not copied)
import { Ding } from "@ding-live/ding";

const ding = new Ding({
  serverURL: "https://api.ding.live/v1",
  apiKey: process.env.DING_API_KEY,
});

export async function sendCode(phoneNumber: string) {
  const res = await ding.otp.createAuthentication({
    customerUuid: process.env.DING_CUSTOMER_UUID!,
    phoneNumber,
  });
  return res.authenticationUuid;
}

export async function checkCode(authenticationUuid: string, checkCode: string) {
  const res = await ding.otp.check({
    authenticationUuid,
    checkCode,
    customerUuid: process.env.DING_CUSTOMER_UUID!,
  });
  return res.status === "valid";
}

export async function resend(authenticationUuid: string) {
  return ding.otp.retry({ authenticationUuid, customerUuid: process.env.DING_CUSTOMER_UUID! });
}
