using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Data;

/// <summary>Issues human-readable tracking numbers, TS-yyyyMMdd-NNNNN, one sequence per business day.</summary>
public static class TrackingNumbers
{
    public static string Format(DateOnly businessDay, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"TS-{businessDay:yyyyMMdd}-{sequence:00000}");

    /// <summary>Reserves the next number of <paramref name="businessDay"/>; call inside the transaction that saves the complaint.</summary>
    public static async Task<string> NextAsync(ComplaintOpsDb db, DateOnly businessDay, CancellationToken ct = default)
    {
        var key = businessDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var row = await db.DailySequences.FindAsync([key], ct);
        if (row is null)
        {
            row = new DailySequence { Day = key };
            db.DailySequences.Add(row);
        }
        row.Last++;
        return Format(businessDay, row.Last);
    }
}
