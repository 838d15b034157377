package otp

import ding "github.com/ding-live/ding-golang"

var client = ding.New(ding.WithSecurity("test-v1-key"))
