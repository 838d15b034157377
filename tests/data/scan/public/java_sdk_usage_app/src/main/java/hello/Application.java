// shape of the usage examples in ding-live/ding-java USAGE.md (rewritten, not copied)
package hello;

import live.ding.dingSdk.Ding;
import live.ding.dingSdk.models.operations.CheckResponse;
import live.ding.dingSdk.models.shared.CreateCheckRequest;
import live.ding.dingSdk.models.shared.Security;

public class Application {
    public static void main(String[] args) throws Exception {
        Ding sdk = Ding.builder()
            .setSecurity(new Security(System.getenv("DING_API_KEY")))
            .build();

        CreateCheckRequest req = new CreateCheckRequest(
            args[0],
            args[1],
            System.getenv("DING_CUSTOMER_UUID"));

        CheckResponse res = sdk.otp.check(req);

        if (res.createCheckResponse != null) {
            System.out.println(res.createCheckResponse.status);
        }
    }
}
