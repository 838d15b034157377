dependencies {
    implementation("live.ding:dingsdk:0.4.1")
}
