// shape of ding-live/ding-typescript src/models/components/createcheckrequest.ts (rewritten, not copied)
import * as z from "zod";
import { remap as remap$ } from "../lib/primitives.js";

export type CreateCheckRequest = {
  /** UUID returned by the create call. */
  authenticationUuid: string;
  /** The code the user typed. */
  checkCode: string;
  /** Account UUID from the dashboard. */
  customerUuid: string;
};

export const CreateCheckRequest$inboundSchema = z.object({
  authentication_uuid: z.string(),
  check_code: z.string(),
  customer_uuid: z.string(),
}).transform((v) => remap$(v, {
  "authentication_uuid": "authenticationUuid",
  "check_code": "checkCode",
  "customer_uuid": "customerUuid",
}));

export type CreateCheckRequest$Outbound = {
  authentication_uuid: string;
  check_code: string;
  customer_uuid: string;
};

export const CreateCheckRequest$outboundSchema = z.object({
  authenticationUuid: z.string(),
  checkCode: z.string(),
  customerUuid: z.string(),
}).transform((v) => remap$(v, {
  authenticationUuid: "authentication_uuid",
  checkCode: "check_code",
  customerUuid: "customer_uuid",
}));
