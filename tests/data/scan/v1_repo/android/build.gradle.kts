dependencies {
    implementation("live.ding:dingsdk:0.1.0")
}
