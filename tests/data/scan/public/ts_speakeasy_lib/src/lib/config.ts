// shape of ding-live/ding-typescript src/lib/config.ts (rewritten, not copied)
import { HTTPClient } from "./http.js";

/** Servers the SDK knows. */
export const ServerList = [
  "https://api.ding.live/v1",
] as const;

export type SDKOptions = {
  apiKey?: string | (() => Promise<string>);
  httpClient?: HTTPClient;
  serverIdx?: number;
  serverURL?: string;
};

export function serverURLFromOptions(options: SDKOptions): URL | null {
  let url = options.serverURL;
  if (!url) {
    const idx = options.serverIdx ?? 0;
    url = ServerList[idx] || "";
  }
  return new URL(url);
}
