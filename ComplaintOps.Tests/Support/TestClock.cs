using Microsoft.Extensions.Time.Testing;

namespace ComplaintOps.Tests.Support;

public static class TestClock
{
    /// <summary>2026-11-28 10:00 in Shanghai: a Saturday, so weekend rules are in play.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 2, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Now);

    public static readonly TimeZoneInfo ShanghaiZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>A UTC instant from Shanghai wall-clock time.</summary>
    public static DateTime Shanghai(int y, int mo, int d, int h = 0, int mi = 0) =>
        TimeZoneInfo.ConvertTimeToUtc(new DateTime(y, mo, d, h, mi, 0, DateTimeKind.Unspecified), ShanghaiZone);
}
