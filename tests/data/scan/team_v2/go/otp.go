package otp

import (
	"context"

	prelude "github.com/prelude-so/go-sdk"
	"github.com/prelude-so/go-sdk/option"
)

func Send(ctx context.Context, phone string) error {
	client := prelude.NewClient(option.WithAPIToken("test-v2-key"))
	_, err := client.Verification.New(ctx, prelude.VerificationNewParams{})
	_, err = client.Lookup.Lookup(ctx, phone, prelude.LookupLookupParams{})
	return err
}
