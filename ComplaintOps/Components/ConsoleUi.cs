using MudBlazor.Services;

namespace ComplaintOps.Components;

public static class ConsoleUi
{
    public static IServiceCollection AddConsoleUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // An on-site signature comes back from the browser as a PNG data URL; on high-DPI tablets it exceeds
        // SignalR's 32 KB default and the interop call would fail.
        services.AddSignalR(o => o.MaximumReceiveMessageSize = 512 * 1024);
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, ConsoleMudLocalizer>();
        return services;
    }

    public static IEndpointRouteBuilder MapConsoleUi(this IEndpointRouteBuilder app)
    {
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
