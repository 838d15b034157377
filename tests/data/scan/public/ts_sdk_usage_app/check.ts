// shape of the usage examples in ding-live/ding-typescript USAGE.md / README.md (rewritten, not copied)
import { Ding } from "@ding-live/ding";

(async () => {
  const sdk = new Ding({
    serverURL: "https://api.ding.live/v1",
    apiKey: process.env.DING_API_KEY,
  });

  const sent = await sdk.otp.send({
    customerUuid: process.env.DING_CUSTOMER_UUID!,
    phoneNumber: "+15550100",
  });

  const checked = await sdk.otp.check({
    authenticationUuid: sent.authenticationUuid,
    checkCode: "123456",
    customerUuid: process.env.DING_CUSTOMER_UUID!,
  });
  if (checked.status === "valid") {
    console.log("verified");
  }

  await sdk.otp.retry({ authenticationUuid: sent.authenticationUuid, customerUuid: process.env.DING_CUSTOMER_UUID! });
})();
