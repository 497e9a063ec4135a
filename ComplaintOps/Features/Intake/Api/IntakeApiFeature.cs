using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ComplaintOps.Features.Intake.Api;

public static class IntakeApiFeature
{
    public const string Policy = "IntakeApi";
    public const string RateLimitPolicy = "IntakeApiPerKey";

    public static IServiceCollection AddIntakeApi(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<IntakeApiOptions>().Bind(config.GetSection(IntakeApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddHostedService<DemoApiKey>();
        services.AddHostedService<IdempotencyCleanup>();

        // Its own scheme; the console's cookie is never consulted, so an API call is never redirected to sign-in.
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(ApiKeyAuthentication.KeyIdClaim)));

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, http =>
            {
                var limits = http.RequestServices.GetRequiredService<IOptions<IntakeApiOptions>>().Value;
                // Runs after authorisation, so the caller is known; one bucket per key.
                var keyId = http.User.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(keyId, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.RateLimitPermits,
                    Window = TimeSpan.FromSeconds(limits.RateLimitWindowSeconds),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await IntakeApiEndpoints.Problem(StatusCodes.Status429TooManyRequests, "Too many requests for this API key.", "Wait for the time in Retry-After.")
                    .ExecuteAsync(context.HttpContext);
            };
        });

        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "ComplaintOps intake API";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthentication.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyAuthentication.Header,
                    Description = "The key issued for your source at Administration → API keys.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthentication.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>
    /// The endpoints, the OpenAPI document and the rate limiter. The limiter is added to the pipeline here,
    /// after authentication and authorisation, because it partitions by the authenticated key.
    /// </summary>
    public static WebApplication MapIntakeApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api/v1/complaints")
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimitPolicy)
            .DisableAntiforgery()
            .WithTags("Intake")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("", IntakeApiEndpoints.PostAsync)
            .WithName("FileComplaint")
            .WithSummary("File a complaint (R6). Channel and source name come from the API key.")
            .Accepts<IntakeRequest>("application/json")
            .Produces<IntakeReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyStore.Header,
                    In = ParameterLocation.Header,
                    Required = true,
                    Description = "Unique per complaint; send the same value when retrying. Reusing it with another body is refused (422).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyStore.MaxKeyLength },
                });
                return Task.CompletedTask;
            });

        api.MapGet("/{trackingNumber}", IntakeApiEndpoints.GetAsync)
            .WithName("GetComplaintStatus")
            .WithSummary("Status and next feedback due of a complaint your source sent.")
            .Produces<IntakeStatus>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

}
