// Preload (node --require ./redirect.cjs): send every request for the real Prelude/Ding API hosts
// to the sandbox at $PRELUDE_SANDBOX_URL (plain HTTP on localhost), whatever client makes it:
// global fetch (ky, @prelude.so/sdk) and node:http/node:https (axios, got, node-fetch).
// The programs under test keep their production URLs; nothing leaves the machine.
"use strict";
const http = require("node:http");
const https = require("node:https");
const { syncBuiltinESMExports } = require("node:module");

const sandbox = new URL(process.env.PRELUDE_SANDBOX_URL);
const HOSTS = new Set(["api.ding.live", "api.prelude.dev"]);

function redirected(url) {
  const u = new URL(url);
  if (!HOSTS.has(u.hostname)) return null;
  u.protocol = sandbox.protocol;
  u.hostname = sandbox.hostname;
  u.port = sandbox.port;
  return u;
}

const realFetch = globalThis.fetch;
globalThis.fetch = function fetch(input, init) {
  if (typeof input === "string" || input instanceof URL) {
    const to = redirected(String(input));
    return realFetch(to ? to.href : input, init);
  }
  if (input && typeof input.url === "string") {
    const to = redirected(input.url);
    if (to) return realFetch(new Request(to.href, input), init);
  }
  return realFetch(input, init);
};

function patch(module) {
  const original = { request: module.request, get: module.get };
  const wrap = (name) => function (...args) {
    let [first, second] = args;
    let url = null;
    let options = {};
    if (typeof first === "string" || first instanceof URL) {
      url = new URL(String(first));
      if (second && typeof second === "object" && typeof second !== "function") options = second;
    } else if (first && typeof first === "object") {
      options = first;
      const host = options.hostname || (options.host || "").split(":")[0];
      if (HOSTS.has(host)) url = new URL(`${options.protocol || "https:"}//${host}${options.path || "/"}`);
    }
    const to = url && redirected(url.href);
    if (!to) return original[name].apply(module, args);
    const rest = args.filter((a) => typeof a === "function");
    const merged = { ...options, protocol: "http:", hostname: to.hostname, host: to.hostname, port: to.port,
                     path: to.pathname + to.search, agent: undefined, servername: undefined };
    delete merged.createConnection;
    if (merged.headers && !Array.isArray(merged.headers)) merged.headers = { ...merged.headers, host: to.host };
    return http[name === "get" ? "get" : "request"](merged, ...rest);
  };
  module.request = wrap("request");
  module.get = wrap("get");
}
patch(https);
syncBuiltinESMExports();
