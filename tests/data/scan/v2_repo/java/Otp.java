import so.prelude.sdk.client.okhttp.PreludeOkHttpClient;

class Otp {
    void send() { client.verification().create(params); }
}
