// shape of ding-live/ding-typescript src/funcs/otpGetAuthenticationStatus.ts (rewritten, not copied)
import { DingCore } from "../core.js";
import { encodeSimple } from "../lib/encodings.js";
import { pathToFunc } from "../lib/url.js";
import * as operations from "../models/operations/index.js";

export async function otpGetAuthenticationStatus(
  client: DingCore,
  authUuid: string,
): Promise<operations.GetAuthenticationStatusResponse> {
  const pathParams = {
    auth_uuid: encodeSimple("auth_uuid", authUuid, { explode: false, charEncoding: "percent" }),
  };
  const path = pathToFunc("/authentication/{auth_uuid}")(pathParams);
  const headers = new Headers({ Accept: "application/json" });
  return client._request({ method: "GET", path, headers });
}
