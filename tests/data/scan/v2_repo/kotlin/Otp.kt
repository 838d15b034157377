import so.prelude.sdk.client.okhttp.PreludeOkHttpClient

val client = PreludeOkHttpClient.builder().apiToken(token).build()
fun send(phone: String) = client.verification().create(params)
