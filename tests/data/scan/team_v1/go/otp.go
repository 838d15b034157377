package otp

import (
	"context"

	dinggolang "github.com/ding-live/ding-golang"
	"github.com/ding-live/ding-golang/models/components"
)

func Send(ctx context.Context, phone string) (string, error) {
	s := dinggolang.New(dinggolang.WithSecurity("test-v1-key"))
	res, err := s.Otp.CreateAuthentication(ctx, &components.CreateAuthenticationRequest{
		CustomerUUID: "c",
		PhoneNumber:  phone,
	})
	if err != nil {
		return "", err
	}
	return *res.CreateAuthenticationResponse.AuthenticationUUID, nil
}
