import live.ding.dingsdk.Ding;

class Otp {
    Ding sdk = Ding.builder().build();
    void send() { sdk.otp().createAuthentication().request(req).call(); }
}
