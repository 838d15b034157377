// shape of the usage examples in ding-live/ding-java docs/sdks/otp/README.md (rewritten, not copied)
package demo.signup;

import live.ding.dingSdk.Ding;
import live.ding.dingSdk.models.shared.CreateAuthenticationRequest;
import live.ding.dingSdk.models.shared.Security;

public class Signup {
    public static void main(String[] args) throws Exception {
        Ding client = Ding.builder()
            .setSecurity(new Security(System.getenv("SMS_KEY")))
            .build();

        live.ding.dingSdk.models.shared.CreateAuthenticationRequest body = new CreateAuthenticationRequest(
            "00000000-0000-4000-8000-00000000beef",
            args[0]){{
            appVersion = "2.1.0";
        }};

        live.ding.dingSdk.models.operations.CreateAutenticationResponse out = client.otp.createAutentication(body);
        System.out.println(out.statusCode);
    }
}
