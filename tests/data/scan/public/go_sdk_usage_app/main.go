// shape of the usage examples in ding-live/ding-golang USAGE.md (rewritten, not copied)
package main

import (
	"context"
	"log"
	"os"

	dinggolang "github.com/ding-live/ding-golang"
	"github.com/ding-live/ding-golang/models/components"
)

func main() {
	s := dinggolang.New(
		dinggolang.WithSecurity(os.Getenv("DING_API_KEY")),
	)
	ctx := context.Background()

	created, err := s.Otp.CreateAuthentication(ctx, &components.CreateAuthenticationRequest{
		CustomerUUID: os.Getenv("DING_CUSTOMER_UUID"),
		PhoneNumber:  "+15550100",
	})
	if err != nil {
		log.Fatal(err)
	}

	checked, err := s.Otp.Check(ctx, &components.CreateCheckRequest{
		AuthenticationUUID: *created.CreateAuthenticationResponse.AuthenticationUUID,
		CheckCode:          "123456",
		CustomerUUID:       os.Getenv("DING_CUSTOMER_UUID"),
	})
	if err != nil {
		log.Fatal(err)
	}
	log.Println(checked.CreateCheckResponse)
}
