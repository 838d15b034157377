package com.example.otp;

import live.ding.dingsdk.Ding;
import live.ding.dingsdk.models.shared.CreateAuthenticationRequest;
import live.ding.dingsdk.models.shared.Security;

public class OtpService {
    private final Ding sdk = Ding.builder()
        .security(Security.builder().apiKey("test-v1-key").build())
        .build();

    public String send(String phone) throws Exception {
        var req = CreateAuthenticationRequest.builder().customerUuid("c").phoneNumber(phone).build();
        var res = sdk.otp().createAuthentication().request(req).call();
        return res.createAuthenticationResponse().get().authenticationUuid().get();
    }
}
