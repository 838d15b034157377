// A Deno Deploy style handler (export default { fetch }): POST {phone} starts a verification.
const DING = "https://api.ding.live/v1";

export default {
  async fetch(request) {
    const { phone } = await request.json();
    const response = await fetch(DING + "/authentication", {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": Deno.env.get("DING_API_KEY") },
      body: JSON.stringify({
        customer_uuid: Deno.env.get("DING_CUSTOMER_UUID"),
        phone_number: phone,
        ip: request.headers.get("x-forwarded-for") ?? undefined,
        device_type: "WEB",
      }),
    });
    const body = await response.json();
    if (!response.ok) {
      return Response.json({ error: body.code === "invalid_phone_number" ? "bad number" : "failed" }, { status: 400 });
    }
    return Response.json({ started: body.status === "pending" });
  },
};
