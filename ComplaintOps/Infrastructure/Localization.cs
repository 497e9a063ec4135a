using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ComplaintOps.Infrastructure;

/// <summary>简体中文 and English (B4). The browser's language decides first; zh-CN is the fallback.</summary>
public static class Localization
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    public static IServiceCollection AddConsoleLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture("zh-CN").AddSupportedCultures(Cultures).AddSupportedUICultures(Cultures);
            o.FallBackToParentUICultures = true;
            o.FallBackToParentCultures = true;
            // Cookie (the user's explicit choice) before the browser's Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            if (!Cultures.Contains(name, StringComparer.OrdinalIgnoreCase))
                return Results.BadRequest($"Unsupported language '{name}'. Use zh-CN or en.");
            var culture = new RequestCulture(CultureInfo.GetCultureInfo(name));
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(culture),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Features.Identity.IdentityFeature.SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
