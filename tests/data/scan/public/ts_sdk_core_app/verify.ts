// shape of the standalone-function examples in ding-live/ding-typescript docs/sdks/otp/README.md (rewritten, not copied)
import { DingCore } from "@ding-live/ding/core.js";
import { otpRetry } from "@ding-live/ding/funcs/otpRetry.js";

const core = new DingCore({
  apiKey: process.env.SMS_KEY,
});

export async function resend(authId: string) {
  const out = await otpRetry(core, {
    authenticationUuid: authId,
    customerUuid: "00000000-0000-4000-8000-00000000c0de",
  });
  if (!out.ok) {
    throw out.error;
  }
  return out.value;
}
