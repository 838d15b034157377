package com.example.otp

import live.ding.dingsdk.Ding
import live.ding.dingsdk.models.shared.Security

val sdk: Ding = Ding.builder()
    .security(Security.builder().apiKey("test-v1-key").build())
    .build()

fun send(phone: String) = sdk.otp().createAuthentication().request(req).call()
