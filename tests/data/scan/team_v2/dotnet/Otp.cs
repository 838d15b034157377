using PreludeSdk;
PreludeClient client = new() { ApiToken = "test-v2-key" };
await client.Verification.Create(new VerificationCreateParams { });
