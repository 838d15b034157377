// shape of the usage examples in ding-live/ding-csharp USAGE.md (rewritten, not copied)
using DingSDK;
using DingSDK.Models.Components;

var sdk = new Ding(security: new Security() {
    APIKey = Environment.GetEnvironmentVariable("DING_API_KEY"),
});

CreateAuthenticationRequest req = new CreateAuthenticationRequest() {
    CustomerUuid = Environment.GetEnvironmentVariable("DING_CUSTOMER_UUID"),
    PhoneNumber = "+15550100",
};

var res = await sdk.Otp.CreateAuthenticationAsync(req);

Console.WriteLine(res.CreateAuthenticationResponse?.AuthenticationUuid);
