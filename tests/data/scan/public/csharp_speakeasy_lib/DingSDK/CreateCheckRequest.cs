// shape of ding-live/ding-csharp DingSDK/Models/Components/CreateCheckRequest.cs (rewritten, not copied)
#nullable enable
namespace DingSDK.Models.Components
{
    using Newtonsoft.Json;

    public class CreateCheckRequest
    {
        /// <summary>UUID returned by the create call.</summary>
        [JsonProperty("authentication_uuid")]
        public string AuthenticationUuid { get; set; } = default!;

        /// <summary>The code the user typed.</summary>
        [JsonProperty("check_code")]
        public string CheckCode { get; set; } = default!;

        /// <summary>Account UUID from the dashboard.</summary>
        [JsonProperty("customer_uuid")]
        public string CustomerUuid { get; set; } = default!;
    }
}
