namespace ComplaintOps.Features.CrisisBoard;

/// <summary>
/// Every open board reads the same rows and keeps its own snapshot all day: rows equal to the last snapshot's are replaced by
/// those instances (with their strings), and an unchanged list by the last list, so N boards hold one copy instead of N.
/// Each board still reads the database itself; only equal values are shared. Holds the last snapshot's rows only.
/// </summary>
internal sealed class SharedRows<TKey, TRow>(Func<TRow, TKey> key)
    where TKey : notnull
    where TRow : class, IEquatable<TRow>
{
    private sealed record Last(List<TRow> List, Dictionary<TKey, TRow> ByKey);

    private Last _last = new([], []);

    public IReadOnlyList<TRow> Share(List<TRow> rows)
    {
        var last = Volatile.Read(ref _last);
        var byKey = new Dictionary<TKey, TRow>(rows.Count);
        var allShared = rows.Count == last.List.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var k = key(rows[i]);
            if (last.ByKey.TryGetValue(k, out var shared) && shared.Equals(rows[i])) rows[i] = shared;
            allShared = allShared && ReferenceEquals(rows[i], last.List[i]);
            byKey[k] = rows[i];
        }
        if (allShared) return last.List;
        Volatile.Write(ref _last, new Last(rows, byKey));
        return rows;
    }
}
