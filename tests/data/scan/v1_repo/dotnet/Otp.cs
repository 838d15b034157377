using DingSDK;

var sdk = new Ding(security: new Security() { APIKey = key });
var res = await sdk.Otp.CreateAuthenticationAsync(req);
