using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ComplaintOps.Domain.Triage;

/// <summary>
/// A 256-bucket count of a text signature's bigrams (each bigram hashed to one bucket), so detection can rule out most of a
/// window without merging signatures: two texts cannot share more bigrams in a bucket than the fewer of them either has
/// there, so Σ min(a[b], b[b]) is an upper bound on their common bigrams — when it is below what the threshold needs, the
/// pair is not similar, and that costs eight vector minimums instead of a merge of two hundred ints.
/// The bound is exact as an upper bound (it never rules out a pair the merge would accept), so no verdict changes.
/// </summary>
public static class BigramSketch
{
    public const int Buckets = 256;

    /// <summary>The sketch of a sorted distinct signature; null when a bucket would overflow a byte (a huge text: always merged).</summary>
    public static byte[]? Of(int[] signature)
    {
        var counts = new byte[Buckets];
        foreach (var bigram in signature)
        {
            var bucket = Bucket(bigram);
            if (counts[bucket] == byte.MaxValue) return null;
            counts[bucket]++;
        }
        return counts;
    }

    /// <summary>The bucket of a bigram: the top byte of a multiplicative (Fibonacci) hash, so neighbouring codes spread.</summary>
    public static int Bucket(int bigram) => (int)(unchecked((uint)bigram * 2654435769u) >> 24);

    /// <summary>Σ over buckets of the smaller count: at least the number of bigrams the two texts share.</summary>
    public static int CommonAtMost(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != Buckets || b.Length != Buckets) throw new ArgumentException($"A sketch has {Buckets} buckets.");
        if (!Vector256.IsHardwareAccelerated)
        {
            var sum = 0;
            for (var i = 0; i < Buckets; i++) sum += Math.Min(a[i], b[i]);
            return sum;
        }
        ref var x = ref MemoryMarshal.GetReference(a);
        ref var y = ref MemoryMarshal.GetReference(b);
        var total = Vector256<ushort>.Zero;
        for (nuint i = 0; i < Buckets; i += (nuint)Vector256<byte>.Count)
        {
            var (lower, upper) = Vector256.Widen(Vector256.Min(Vector256.LoadUnsafe(ref x, i), Vector256.LoadUnsafe(ref y, i)));
            // At most 510 per lane per step, 8 steps: a ushort lane cannot overflow.
            total += lower + upper;
        }
        return (int)Vector256.Sum(Vector256.WidenLower(total) + Vector256.WidenUpper(total));
    }
}
