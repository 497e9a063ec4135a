using System.Globalization;
using System.Text.RegularExpressions;
using ComplaintOps.Features.Intake.Public;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace ComplaintOps.Tests.Features.Intake.Public;

/// <summary>The app on 2026-09-30 09:10 in Shanghai, the last working day before the National Day holiday.</summary>
public sealed class BeforeNationalDayFactory : PublicAppFactory
{
    public FakeTimeProvider HolidayClock { get; } = new(new DateTimeOffset(2026, 9, 30, 1, 10, 0, TimeSpan.Zero));

    protected override int SeedComplaints => 20;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(HolidayClock);
        });
    }
}

public sealed partial class CallbackSlotTests(BeforeNationalDayFactory app) : IClassFixture<BeforeNationalDayFactory>
{
    [Fact]
    public async Task R5_call_back_slots_fall_only_on_working_days_in_office_hours_skipping_national_day()
    {
        var html = await PublicPages.Anonymous(app).GetAsync("/public/complaint");
        var slots = SlotValue().Matches(html)
            .Select(m => TimeZoneInfo.ConvertTimeFromUtc(DateTime.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), TestClock.ShanghaiZone))
            .ToList();

        Assert.NotEmpty(slots);
        var days = slots.Select(s => DateOnly.FromDateTime(s)).Distinct().ToList();
        // Today's remaining slots, then the next working days after the holiday, the adjusted Saturday 10-10 included.
        Assert.Equal([new(2026, 9, 30), new(2026, 10, 8), new(2026, 10, 9), new(2026, 10, 10), new(2026, 10, 12)], days);
        Assert.DoesNotContain(slots, s => s.Month == 10 && s.Day is >= 1 and <= 7);
        Assert.DoesNotContain(slots, s => s.Date == new DateTime(2026, 10, 11));
        Assert.All(slots, s =>
        {
            var t = TimeOnly.FromDateTime(s);
            Assert.True((t >= new TimeOnly(9, 0) && t <= new TimeOnly(11, 30)) || (t >= new TimeOnly(13, 30) && t <= new TimeOnly(17, 30)), $"{s:yyyy-MM-dd HH:mm} is outside office hours");
            Assert.Equal(0, t.Minute % 30);
        });
        // Nothing already past: 09:00 today is gone, 09:30 is the first.
        Assert.Equal(new DateTime(2026, 9, 30, 9, 30, 0), slots[0]);
        // A full day: 6 morning + 9 afternoon slots.
        Assert.Equal(15, slots.Count(s => s.Date == new DateTime(2026, 10, 10)));
    }

    [Fact]
    public void R5_slots_follow_the_clock_without_a_page()
    {
        _ = app.CreateClient();
        var slots = app.Services.GetRequiredService<CallbackSlots>().Offer();
        Assert.All(slots, s => Assert.True(s > app.HolidayClock.GetUtcNow().UtcDateTime));
        Assert.Equal(5 * 15 - 1, slots.Count);
    }

    [GeneratedRegex("""<option value="(\d{4}-\d\d-\d\dT\d\d:\d\dZ)""")]
    private static partial Regex SlotValue();
}

/// <summary>Lookups throttled to 3 per window for this class.</summary>
public sealed class TightLookupFactory : PublicAppFactory
{
    protected override int LookupPermitLimit => 3;
    protected override int SeedComplaints => 20;
}

public sealed class LookupThrottleTests(TightLookupFactory app) : IClassFixture<TightLookupFactory>
{
    [Fact]
    public async Task R17_repeated_lookups_from_one_address_are_throttled_even_with_the_right_code()
    {
        var pages = PublicPages.Anonymous(app);
        var (tracking, secret) = await pages.SubmitValidAsync();
        for (var i = 0; i < 3; i++)
        {
            var (_, html) = await pages.LookupAsync(tracking, "0000");
            Assert.NotNull(PublicPages.TestId(html, "lookup-not-found"));
        }

        var (response, blocked) = await pages.LookupAsync(tracking, secret);
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(PublicPages.TestId(blocked, "lookup-throttled"));
        Assert.Null(PublicPages.TestId(blocked, "status-view"));
    }
}
