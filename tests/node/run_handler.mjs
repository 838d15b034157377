// Runs a Deno-style handler module (export default { fetch(request) }) or a Next.js route module
// (export async function POST(request)) under Node: a Deno.env shim over process.env, then one
// request per JSON argument; prints each response's status and body.
// Usage: node --require ./redirect.cjs run_handler.mjs HANDLER.mjs '{"phone": "+33..."}' ...
import { pathToFileURL } from "node:url";

globalThis.Deno ??= { env: { get: (name) => process.env[name] } };
const [modulePath, ...bodies] = process.argv.slice(2);
const module = await import(pathToFileURL(modulePath).href);
const handle = module.default?.fetch ? (request) => module.default.fetch(request) : module.POST;
for (const body of bodies) {
  const request = new Request("http://localhost/start", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.4" },
    body,
  });
  const response = await handle(request);
  console.log(JSON.stringify({ status: response.status, body: await response.json() }));
}
