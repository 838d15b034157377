module example.com/otp

go 1.22

require (
	github.com/ding-live/ding-golang v0.9.3
	github.com/stretchr/testify v1.9.0
)
