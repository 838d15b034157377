module example.test/otp

require github.com/ding-live/ding-golang v0.9.0
