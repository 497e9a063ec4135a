using ComplaintOps.Domain.Calendar;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Infrastructure;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Tests.Features.Calendars;

public sealed class WorkingCalendarServiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Year2027 = """
        {"years":{"2027":{
          "holidays":[{"date":"2027-01-01","name":"元旦"},{"date":"2027-10-01","name":"国庆节"},{"date":"2027-10-04","name":"国庆节"}],
          "adjustedWorkdays":[{"date":"2027-09-26"},"2027-10-09"]}}}
        """;

    private WorkingCalendarService Service => app.Services.GetRequiredService<WorkingCalendarService>();

    private WorkingCalendarService NewInstance() => new(
        app.Services.GetRequiredService<IDbContextFactory<Data.ComplaintOpsDb>>(),
        app.Services.GetRequiredService<IOptions<CalendarOptions>>(),
        app.Services.GetRequiredService<IOptions<SlaOptions>>(),
        app.Services.GetRequiredService<BusinessTime>(),
        app.Services.GetRequiredService<IHostEnvironment>());

    [Fact]
    public async Task B3_loading_2027_takes_effect_at_once_and_survives_a_restart()
    {
        Assert.True(Service.Calendar.HasOfficialArrangement(2026)); // the shipped file
        Assert.False(Service.Calendar.HasOfficialArrangement(2027));
        var changed = 0;
        Service.Changed += () => changed++;

        var years = await Service.LoadAsync(Year2027, "admin");

        Assert.Equal([2027], years);
        Assert.Equal(1, changed);
        Assert.True(Service.Calendar.HasOfficialArrangement(2027));
        Assert.True(Service.Calendar.HasOfficialArrangement(2026)); // loading a year keeps the others
        Assert.Equal(DayKind.AdjustedWorkingDay, Service.Calendar.KindOf(new DateOnly(2027, 9, 26)));
        Assert.Equal(DayKind.Holiday, Service.Calendar.KindOf(new DateOnly(2027, 10, 4)));

        var restarted = NewInstance();
        await restarted.InitializeAsync();
        Assert.True(restarted.Calendar.HasOfficialArrangement(2027));
        Assert.True(restarted.Calendar.HasOfficialArrangement(2026));
        Assert.Equal(DayKind.AdjustedWorkingDay, restarted.Calendar.KindOf(new DateOnly(2027, 10, 9)));
        Assert.Equal(DayKind.Holiday, restarted.Calendar.KindOf(new DateOnly(2027, 1, 1)));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"calendar":{}}""")]
    [InlineData("""{"years":{"2028":{"holidays":[],"adjustedWorkdays":[]},"2029":{"holidays":[],"adjustedWorkdays":["2029-01-03"]}}}""")] // 2029-01-03 is a Wednesday
    [InlineData("""{"years":{"2028":{"holidays":[{"date":"2028-13-01"}],"adjustedWorkdays":[]}}}""")]
    public async Task B3_an_invalid_file_is_refused_and_changes_nothing(string json)
    {
        var before = Service.Calendar;
        await using var db0 = app.OpenDb();
        var storedBefore = await db0.CalendarYears.AsNoTracking().Select(y => y.Year).OrderBy(y => y).ToListAsync();
        var changed = 0;
        void OnChanged() => changed++;
        Service.Changed += OnChanged;
        try
        {
            var e = await Assert.ThrowsAsync<CalendarFormatException>(() => Service.LoadAsync(json, "admin"));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
        finally
        {
            Service.Changed -= OnChanged;
        }

        Assert.Same(before, Service.Calendar);
        Assert.False(Service.Calendar.HasOfficialArrangement(2028));
        Assert.Equal(0, changed);
        await using var db = app.OpenDb();
        Assert.Equal(storedBefore, await db.CalendarYears.AsNoTracking().Select(y => y.Year).OrderBy(y => y).ToListAsync());
    }
}
