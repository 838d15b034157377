using DingSDK;
using DingSDK.Models.Components;

var sdk = new Ding(security: new Security() { APIKey = "test-v1-key" });
var res = await sdk.Otp.CreateAuthenticationAsync(new CreateAuthenticationRequest() {
    CustomerUuid = "c", PhoneNumber = "+33600000000",
});
