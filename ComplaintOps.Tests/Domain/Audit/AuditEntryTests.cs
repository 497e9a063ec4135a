using ComplaintOps.Domain.Audit;

namespace ComplaintOps.Tests.Domain.Audit;

public sealed class AuditEntryTests
{
    private static readonly DateTime At = new(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc);

    private static List<AuditEntry> Chain(int length)
    {
        var chain = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 0; i < length; i++)
        {
            var entry = AuditEntry.Append(previous, At.AddMinutes(i), "u1", "李娜", "RevealPersonalData", $"TS-20261128-{i:00000}", "回电核实身份");
            chain.Add(entry);
            previous = entry.Hash;
        }
        return chain;
    }

    [Fact]
    public void B5_an_untouched_chain_verifies()
    {
        Assert.Null(AuditEntry.FirstBrokenLink(Chain(5)));
    }

    [Fact]
    public void B5_each_hash_covers_the_previous_one()
    {
        var chain = Chain(3);
        Assert.Equal(AuditEntry.GenesisHash, chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Equal(64, chain[2].Hash.Length);
        Assert.NotEqual(chain[1].Hash, chain[2].Hash);
    }

    [Fact]
    public void B5_a_removed_entry_breaks_the_chain_at_the_next_one()
    {
        var chain = Chain(4);
        var third = chain[2];
        chain.RemoveAt(1);
        // Ids are 0 in memory; compare by reference through the hash instead.
        Assert.NotNull(AuditEntry.FirstBrokenLink(chain));
        Assert.NotEqual(chain[0].Hash, third.PreviousHash);
    }

    [Fact]
    public void B5_the_same_content_in_different_fields_hashes_differently()
    {
        var a = AuditEntry.Append(AuditEntry.GenesisHash, At, "ab", "c", "x", "s", "p");
        var b = AuditEntry.Append(AuditEntry.GenesisHash, At, "a", "bc", "x", "s", "p");
        Assert.NotEqual(a.Hash, b.Hash);
    }
}
