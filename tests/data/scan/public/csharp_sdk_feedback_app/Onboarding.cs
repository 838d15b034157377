// shape of the usage examples in ding-live/ding-csharp docs/sdks/otp/README.md (rewritten, not copied)
using DingSDK;
using DingSDK.Models.Components;

var client = new Ding(security: new Security() {
    APIKey = Environment.GetEnvironmentVariable("SMS_KEY"),
});

var body = new FeedbackRequest() {
    CustomerUuid = Environment.GetEnvironmentVariable("ACCOUNT_ID"),
    PhoneNumber = args[0],
    Status = DingSDK.Models.Components.FeedbackRequestStatus.Onboarded,
};

await client.Otp.FeedbackAsync(body);
