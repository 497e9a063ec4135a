using ComplaintOps.Infrastructure.Scheduling;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.CrisisBoard;

public static class CrisisBoardFeature
{
    public static IServiceCollection AddCrisisBoard(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CrisisBoardOptions>().Bind(config.GetSection(CrisisBoardOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BoardChangeFeed>();
        services.AddSingleton<BoardChangeInterceptor>();
        // Foundation adds every registered IInterceptor to the DbContext options.
        services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<BoardChangeInterceptor>());
        services.AddSingleton<AlarmService>();
        services.AddSingleton<SlaWatchdog>();
        services.AddSingleton<BoardQueries>();
        // The wall layout links the theme as a static style sheet instead of a theme provider per open board.
        services.AddSingleton<Components.Layout.ConsoleThemeCss>();
        services.TryAddSingleton<ISatisfactionFigures, NoSatisfactionFigures>();
        services.AddHostedService<BoardPublisher>();
        services.AddScoped<BoardConnection>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<BoardConnection>());
        services.AddSignalR();
        services.AddRecurringJob<SlaWatchdogJob>("sla-watchdog",
            sp => sp.GetRequiredService<IOptions<CrisisBoardOptions>>().Value.WatchdogInterval, "SLA watchdog: warnings, breaches, escalation");

        // The hub answers 401/403 instead of redirecting to the sign-in page (tools can tell "sign in" from "not allowed").
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = c => HubStatus(c, StatusCodes.Status401Unauthorized) ?? toLogin(c);
            o.Events.OnRedirectToAccessDenied = c => HubStatus(c, StatusCodes.Status403Forbidden) ?? toDenied(c);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapCrisisBoard(this IEndpointRouteBuilder app)
    {
        app.MapHub<CrisisHub>(CrisisHub.Path);
        Components.Layout.ConsoleThemeCss.Map(app);
        return app;
    }

    private static Task? HubStatus(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (!context.Request.Path.StartsWithSegments("/hubs")) return null;
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>
/// Per circuit: whether the browser is connected. The board listens: when the connection comes back it
/// re-reads everything from the database, so nothing is missed during the gap.
/// </summary>
public sealed class BoardConnection : CircuitHandler
{
    public bool Connected { get; private set; } = true;

    public event Func<bool, Task>? Changed;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Connected = false;
        return Changed?.Invoke(false) ?? Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var was = Connected;
        Connected = true;
        return was ? Task.CompletedTask : Changed?.Invoke(true) ?? Task.CompletedTask;
    }
}
