// node-fetch: look a number up before sending anything (carrier and country for a risk check).
import fetch from "node-fetch";

async function describe(phone) {
  const res = await fetch(`https://api.ding.live/v1/lookup/${encodeURIComponent(phone)}`, {
    headers: { "X-API-Key": process.env.DING_API_KEY, "customer-uuid": process.env.DING_CUSTOMER_UUID },
  });
  const info = await res.json();
  return { country: info.country_code, carrier: info.carrier, ported: info.number_ported, ok: res.ok };
}

console.log(JSON.stringify(await describe(process.argv[2])));
