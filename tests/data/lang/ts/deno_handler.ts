// A Deno Deploy handler (export default { fetch }) in TypeScript: POST {phone} starts a
// verification; run under Node by tests/node/run_handler.mjs (Deno.env shimmed).
declare const Deno: { env: { get(name: string): string | undefined } };

type Start = { phone: string };

const DING_API = "https://api.ding.live/v1";

export default {
  async fetch(request: Request): Promise<Response> {
    const { phone } = (await request.json()) as Start;
    const response: Response = await fetch(`${DING_API}/authentication`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-API-Key": Deno.env.get("DING_API_KEY") ?? "" },
      body: JSON.stringify({
        customer_uuid: Deno.env.get("DING_CUSTOMER_UUID"),
        phone_number: phone,
        ip: request.headers.get("x-forwarded-for") ?? undefined,
      }),
    });
    const body = await response.json();
    if (!response.ok) {
      return Response.json({ error: body.code === "invalid_phone_number" ? "bad number" : "failed" }, { status: 400 });
    }
    return Response.json({ started: body.status === "pending" });
  },
};
