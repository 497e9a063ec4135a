using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ComplaintOps.Domain.Audit;

/// <summary>
/// One line of the tamper-evident audit trail (R28, B5): each entry's hash covers its content and the
/// previous entry's hash, so editing or deleting any entry breaks every hash after it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    /// <summary>What was done, e.g. "RevealPersonalData".</summary>
    public string Action { get; private set; } = "";
    /// <summary>What it was done to, e.g. a tracking number.</summary>
    public string Subject { get; private set; } = "";
    /// <summary>Why, in the actor's words (required for looking at personal data).</summary>
    public string Purpose { get; private set; } = "";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    private AuditEntry() { }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public static AuditEntry Append(string previousHash, DateTime atUtc, string actorId, string actorName, string action, string subject, string purpose)
    {
        var entry = new AuditEntry
        {
            AtUtc = UtcInstant.Require(atUtc),
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            Subject = subject,
            Purpose = purpose,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    public string ComputeHash()
    {
        // Length-prefixed fields, so no two different entries serialise to the same text.
        var text = new StringBuilder();
        foreach (var field in new[] { PreviousHash, AtUtc.Ticks.ToString(CultureInfo.InvariantCulture), ActorId, ActorName, Action, Subject, Purpose })
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The id of the first entry that does not fit the chain, or null when the chain is intact.</summary>
    public static long? FirstBrokenLink(IEnumerable<AuditEntry> entriesInOrder)
    {
        var previous = GenesisHash;
        foreach (var entry in entriesInOrder)
        {
            if (entry.PreviousHash != previous || entry.ComputeHash() != entry.Hash) return entry.Id;
            previous = entry.Hash;
        }
        return null;
    }
}
