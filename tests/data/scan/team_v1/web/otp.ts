import { Ding } from "@ding-live/ding";
import { CreateAuthenticationRequest } from "@ding-live/ding/models/components";
import * as errors from "@ding-live/ding/models/errors";

const ding = new Ding({
  apiKey: process.env.DING_API_KEY ?? "",
});

export async function sendCode(phoneNumber: string) {
  const res = await ding.otp.createAuthentication({
    customerUuid: process.env.DING_CUSTOMER_UUID!,
    phoneNumber,
  });
  return res.authenticationUuid;
}

export async function checkCode(authenticationUuid: string, checkCode: string) {
  try {
    return await ding.otp.check({ customerUuid: "c", authenticationUuid, checkCode });
  } catch (e) {
    if (e instanceof errors.ErrorResponse) throw e;
  }
}
