package otp

import (
	prelude "github.com/prelude-so/go-sdk"
	"github.com/prelude-so/go-sdk/option"
)

func Send(ctx context.Context, phone string) error {
	client := prelude.NewClient(option.WithAPIToken(token))
	_, err := client.Verification.New(ctx, prelude.VerificationNewParams{})
	return err
}
