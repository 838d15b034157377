package otp

import (
	dinggolang "github.com/ding-live/ding-golang"
)

func Send(ctx context.Context, phone string) error {
	s := dinggolang.New(dinggolang.WithSecurity(key))
	_, err := s.Otp.CreateAuthentication(ctx, &components.CreateAuthenticationRequest{PhoneNumber: phone})
	return err
}
