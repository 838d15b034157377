import live.ding.dingsdk.Ding

val sdk = Ding.builder().build()
