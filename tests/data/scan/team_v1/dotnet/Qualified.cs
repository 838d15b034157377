var sdk = new DingSDK.Ding(security: new DingSDK.Models.Components.Security() { APIKey = key });
