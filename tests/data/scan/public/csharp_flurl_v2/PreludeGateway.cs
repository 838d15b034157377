// shape of Argon.Features.Integrations.Phones.Prelude.PreludeGateway (search index), rewritten, not copied
namespace App.Integrations.Phones.Prelude;

using Flurl.Http;

public record PreludeGatewayOptions(string endpoint, string token);

public class PreludeGateway(IOptions<PreludeGatewayOptions> options)
{
    private readonly IFlurlClient client =
        new FlurlClient(options.Value.endpoint).WithOAuthBearerToken(options.Value.token);

    public async Task<string?> SendVerificationAsync(string phoneNumber, CancellationToken ct = default)
    {
        var result = await client.Request("/v2/verification").PostJsonAsync(new
        {
            target = new { type = "phone_number", value = phoneNumber },
        }, cancellationToken: ct);
        var body = await result.GetJsonAsync<Dictionary<string, object>>();
        return body["id"]?.ToString();
    }
}
