using MudBlazor.Services;

namespace ComplaintOps.Components;

public static class ConsoleUi
{
    public static IServiceCollection AddConsoleUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
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
