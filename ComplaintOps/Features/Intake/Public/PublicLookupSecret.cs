using System.Security.Cryptography;
using System.Text;

namespace ComplaintOps.Features.Intake.Public;

/// <summary>The hashed lookup secret a complainant got once from the public form; the secret itself is never stored.</summary>
public sealed class PublicLookupSecret
{
    public int ComplaintId { get; set; }
    public string Salt { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>Generates, normalises, hashes and checks lookup secrets.</summary>
public static class LookupSecrets
{
    // No 0/O, 1/I/L: read aloud or copied by hand without confusion.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 10;

    public static string Generate() =>
        new(Enumerable.Range(0, Length).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());

    /// <summary>Upper case, without spaces or dashes people add when copying.</summary>
    public static string Normalise(string text) =>
        new(text.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    public static PublicLookupSecret Protect(string secret, int complaintId, DateTime nowUtc)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return new PublicLookupSecret
        {
            ComplaintId = complaintId,
            Salt = Convert.ToHexStringLower(salt),
            Hash = Convert.ToHexStringLower(HashOf(salt, secret)),
            CreatedAtUtc = nowUtc,
        };
    }

    public static bool Matches(PublicLookupSecret stored, string candidate)
    {
        var salt = Convert.FromHexString(stored.Salt);
        return CryptographicOperations.FixedTimeEquals(HashOf(salt, candidate), Convert.FromHexString(stored.Hash));
    }

    private static byte[] HashOf(byte[] salt, string secret) =>
        SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(Normalise(secret))]);
}
