// shape of ding-live/ding-csharp DingSDK/Models/Components/Security.cs (rewritten, not copied)
#nullable enable
namespace DingSDK.Models.Components
{
    using DingSDK.Utils;

    public class Security
    {
        [SpeakeasyMetadata("security:scheme=true,type=apiKey,subType=header,name=x-api-key")]
        public string APIKey { get; set; } = default!;
    }
}
