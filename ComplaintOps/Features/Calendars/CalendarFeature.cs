namespace ComplaintOps.Features.Calendars;

public static class CalendarFeature
{
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<CalendarOptions>().Bind(config.GetSection(CalendarOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WorkingCalendarService>();
        return services;
    }
}
