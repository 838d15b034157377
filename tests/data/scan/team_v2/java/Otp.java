import so.prelude.sdk.client.PreludeClient;
import so.prelude.sdk.client.okhttp.PreludeOkHttpClient;

class Otp {
    PreludeClient client = PreludeOkHttpClient.builder().apiToken("test-v2-key").build();
    void send() { client.verification().create(params); }
    @Transactional
    void save() {}
}
