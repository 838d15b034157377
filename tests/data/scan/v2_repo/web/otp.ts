import Prelude from "@prelude.so/sdk";

const client = new Prelude({ apiToken: process.env.API_TOKEN });
export const send = (phone: string) =>
  client.verification.create({ target: { type: "phone_number", value: phone } });
export const lookup = (phone: string) => client.lookup.lookup(phone, {});
const quotes = "https://mbktrading.live/v1/quotes";
