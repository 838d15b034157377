// shape of ding-live/ding-golang ding.go (rewritten, not copied)
package dinggolang

import (
	"net/http"

	"github.com/ding-live/ding-golang/models/components"
)

// The servers the SDK can talk to.
var ServerList = []string{
	"https://api.ding.live/v1",
}

type Ding struct {
	Otp    *Otp
	Lookup *Lookup
	sdkConfiguration sdkConfiguration
}

type SDKOption func(*Ding)

func WithSecurity(apiKey string) SDKOption {
	return func(sdk *Ding) {
		security := components.Security{APIKey: apiKey}
		sdk.sdkConfiguration.Security = &security
	}
}

func New(opts ...SDKOption) *Ding {
	sdk := &Ding{sdkConfiguration: sdkConfiguration{Client: http.DefaultClient}}
	for _, opt := range opts {
		opt(sdk)
	}
	return sdk
}
