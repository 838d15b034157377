module example.com/otp

require github.com/prelude-so/go-sdk v0.8.0
