// axios error handling: a malformed number is refused; the caller tells the user.
import axios from "axios";

async function start(phone) {
  try {
    const res = await axios.post(
      "https://api.ding.live/v1/authentication",
      { customer_uuid: process.env.DING_CUSTOMER_UUID, phone_number: phone },
      { headers: { "X-API-Key": process.env.DING_API_KEY } },
    );
    return res.data.status === "pending" ? "sent" : "not sent";
  } catch (err) {
    if (err.response?.data?.code === "invalid_phone_number") return "please check the number";
    throw err;
  }
}

console.log(JSON.stringify({ good: await start(process.argv[2]), bad: await start("0612") }));
