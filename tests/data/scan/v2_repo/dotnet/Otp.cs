using PreludeSdk;

PreludeClient client = new() { ApiToken = token };
await client.Verification.Create(new VerificationCreateParams { });
