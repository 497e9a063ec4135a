namespace ComplaintOps.Domain.Triage;

/// <summary>
/// Complaints in id order with their <see cref="BigramSketch"/>es and signature lengths side by side in flat arrays, so
/// ruling out a window of unlike texts is one pass over contiguous memory (each complaint's own 256-byte array is
/// elsewhere on the heap: a normal day's free list of thousands cost a cache miss or four per candidate).
/// </summary>
public sealed class SketchedList : IReadOnlyList<BatchFacts>
{
    private const int Width = BigramSketch.Buckets;
    private readonly List<BatchFacts> _items = [];
    private byte[] _sketches = new byte[16 * Width];
    // The signature's length; −1 when the text has no sketch (a huge text: always handed on to the exact check).
    private int[] _lengths = new int[16];

    public int Count => _items.Count;
    public BatchFacts this[int index] => _items[index];
    public IEnumerator<BatchFacts> GetEnumerator() => _items.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Appends (ids usually grow) or inserts at its place by id; false when the id is there already.</summary>
    public bool Insert(BatchFacts facts)
    {
        var at = _items.Count;
        if (at > 0 && _items[^1].ComplaintId >= facts.ComplaintId)
        {
            at = IndexOf(facts.ComplaintId);
            if (at >= 0) return false;
            at = ~at;
        }
        Grow();
        var moved = _items.Count - at;
        Array.Copy(_sketches, at * Width, _sketches, (at + 1) * Width, moved * Width);
        Array.Copy(_lengths, at, _lengths, at + 1, moved);
        _items.Insert(at, facts);
        Set(at, facts);
        return true;
    }

    public bool RemoveById(int complaintId)
    {
        var at = IndexOf(complaintId);
        if (at < 0) return false;
        var moved = _items.Count - at - 1;
        Array.Copy(_sketches, (at + 1) * Width, _sketches, at * Width, moved * Width);
        Array.Copy(_lengths, at + 1, _lengths, at, moved);
        _items.RemoveAt(at);
        return true;
    }

    /// <summary>Removes every complaint <paramref name="leaves"/> says, keeping the others in order.</summary>
    public void RemoveAll(Func<BatchFacts, bool> leaves)
    {
        var kept = 0;
        for (var i = 0; i < _items.Count; i++)
        {
            if (leaves(_items[i])) continue;
            if (kept != i)
            {
                _items[kept] = _items[i];
                Array.Copy(_sketches, i * Width, _sketches, kept * Width, Width);
                _lengths[kept] = _lengths[i];
            }
            kept++;
        }
        _items.RemoveRange(kept, _items.Count - kept);
    }

    /// <summary>
    /// The complaints numbered before <paramref name="complaint"/> that can still reach the similarity threshold with it:
    /// neither their signature sizes nor their bucket counts rule it out (see <see cref="BatchDetection.IsSimilar"/> for why
    /// these bounds are exact). The caller checks the rest (window, exact Jaccard) on what is handed on.
    /// </summary>
    public void MaybeSimilar(BatchFacts complaint, double threshold, List<BatchFacts> into)
    {
        var end = IndexOf(complaint.ComplaintId);
        end = end < 0 ? ~end : end;
        var a = complaint.TextSignature.Length;
        var mine = complaint.TextSketch;
        if (mine is null || a == 0 || threshold <= 0)
        {
            for (var i = 0; i < end; i++) into.Add(_items[i]);
            return;
        }
        for (var i = 0; i < end; i++)
        {
            var b = _lengths[i];
            if (b >= 0)
            {
                // J ≥ t needs c ≥ t·(a + b)/(1 + t) common bigrams; c ≤ min(a, b) and c ≤ the bucket bound.
                var needed = threshold * (a + b) / (1 + threshold) - 1e-9;
                if (Math.Min(a, b) < needed || BigramSketch.CommonAtMost(mine, _sketches.AsSpan(i * Width, Width)) < needed) continue;
            }
            into.Add(_items[i]);
        }
    }

    private void Set(int at, BatchFacts facts)
    {
        if (facts.TextSketch is { } sketch)
        {
            sketch.CopyTo(_sketches, at * Width);
            _lengths[at] = facts.TextSignature.Length;
        }
        else _lengths[at] = -1;
    }

    private void Grow()
    {
        if (_items.Count < _lengths.Length) return;
        Array.Resize(ref _lengths, _lengths.Length * 2);
        Array.Resize(ref _sketches, _lengths.Length * Width);
    }

    /// <summary>Binary search by id: the index, or the complement of where it would go.</summary>
    private int IndexOf(int complaintId)
    {
        var (lo, hi) = (0, _items.Count - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var id = _items[mid].ComplaintId;
            if (id == complaintId) return mid;
            if (id < complaintId) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
