// A Next.js App Router route handler (app/api/otp/route.ts): POST {phone, code} starts a
// verification and checks the code the user typed in the same request (a demo flow: the code
// is wrong on purpose, so the check says invalid). Run by tests/node/run_handler.mjs.
const DING_URL = "https://api.ding.live/v1";
const headers = { "Content-Type": "application/json", "X-API-Key": process.env.DING_API_KEY ?? "" };

export async function POST(request: Request): Promise<Response> {
  const { phone, code } = (await request.json()) as { phone: string; code: string };
  const created = await fetch(`${DING_URL}/authentication`, {
    method: "POST",
    headers,
    body: JSON.stringify({ customer_uuid: process.env.DING_CUSTOMER_UUID, phone_number: phone }),
  });
  if (!created.ok) {
    return Response.json({ error: "could not send" }, { status: 502 });
  }
  const auth = await created.json();
  const checked = await fetch(`${DING_URL}/check`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      customer_uuid: process.env.DING_CUSTOMER_UUID,
      authentication_uuid: auth.authentication_uuid,
      check_code: code,
    }),
  });
  const result = await checked.json();
  return Response.json({ sent: auth.status === "pending", verified: result.status === "valid" });
}
