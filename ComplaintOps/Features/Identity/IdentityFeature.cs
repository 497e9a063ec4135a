using ComplaintOps.Data;
using Microsoft.AspNetCore.Identity;

namespace ComplaintOps.Features.Identity;

public static class IdentityFeature
{
    public static IServiceCollection AddConsoleIdentity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<ComplaintOpsDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<ConsoleClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "complaintops.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // API clients get 401/403 (problem details), not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = c => ApiAwareRedirect(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAwareRedirect(c, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Console, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.Complaints, p => p.RequireRole(Policies.ComplaintRoles))
            .AddPolicy(Policies.Intake, p => p.RequireRole(Policies.IntakeRoles))
            .AddPolicy(Policies.RevealPersonalData, p => p.RequireRole(Policies.RevealRoles))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Board, p => p.RequireRole(Policies.BoardRoles))
            // Nothing is public unless it says so.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddCascadingAuthenticationState();
        return services;
    }

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");

        account.MapPost("/login", async (
            [Microsoft.AspNetCore.Mvc.FromForm] LoginForm form,
            HttpContext http,
            Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery,
            SignInManager<AppUser> signIn) =>
        {
            var returnUrl = SafeReturnUrl(form.ReturnUrl);
            // Validated here rather than by the endpoint filter: its 400 is re-executed as POST /not-found,
            // which fails antiforgery again and ends in a 500. A stale form just goes back to the form.
            if (!await antiforgery.IsRequestValidAsync(http))
                return Results.LocalRedirect($"/account/login?error=expired&returnUrl={Uri.EscapeDataString(returnUrl)}");
            if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrEmpty(form.Password))
                return Results.LocalRedirect($"/account/login?error=missing&returnUrl={Uri.EscapeDataString(returnUrl)}");
            var result = await signIn.PasswordSignInAsync(form.UserName.Trim(), form.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded) return Results.LocalRedirect(returnUrl);
            var error = result.IsLockedOut ? "locked" : "invalid";
            return Results.LocalRedirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
        }).AllowAnonymous().DisableAntiforgery();

        account.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        });

        return app;
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = status == StatusCodes.Status401Unauthorized ? "Sign-in required" : "Not allowed for your role" },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }

    /// <summary>Only local paths; anything else goes home (no open redirect).</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    public sealed class LoginForm
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public string? ReturnUrl { get; set; }
    }
}
