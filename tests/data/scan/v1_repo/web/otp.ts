import { Ding } from "@ding-live/ding";

const ding = new Ding({ apiKey: process.env.DING_API_KEY });

export async function send(phoneNumber: string) {
  return ding.otp.createAuthentication({ customerUuid: process.env.DING_CUSTOMER_UUID, phoneNumber });
}
