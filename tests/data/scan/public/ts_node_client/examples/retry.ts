// shape of ding-live/ding-node examples/retry.ts (rewritten, not copied)
import Ding from "../src";

const customerUuid = process.env.DING_CUSTOMER_UUID || '';
const token = process.env.DING_API_TOKEN || '';

const client = new Ding(customerUuid, token);

client.retry(process.env.AUTH_UUID || '').then(console.debug);
