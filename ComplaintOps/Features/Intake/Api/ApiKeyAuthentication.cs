using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>
/// The API's own scheme: the key in header X-Api-Key. No cookies, no redirects: a call without a valid
/// key gets 401 problem details.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string KeyIdClaim = "api_key_id";
    public const string ChannelClaim = "api_channel";
    public const string SourceClaim = "api_source";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
            return AuthenticateResult.NoResult();
        var key = await keys.FindActiveAsync(values.ToString().Trim(), Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, ActorId(key.Id)),
            new Claim(ClaimTypes.Name, key.SourceName),
            new Claim(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
            new Claim(ChannelClaim, key.Channel.ToString()),
            new Claim(SourceClaim, key.SourceName),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{Header}\"";
        return Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "A valid API key is required.",
            detail: $"Send the key issued for your source in the {Header} header; unknown and revoked keys are refused.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This API key may not do that.").ExecuteAsync(Context);

    public static string ActorId(int keyId) => $"api-key:{keyId.ToString(CultureInfo.InvariantCulture)}";
}
