using System.Text.RegularExpressions;

namespace ComplaintOps.Domain.Complaints;

/// <summary>Phone numbers a complainant can be called back on: mainland mobile (optionally +86) or landline with area code.</summary>
public static partial class PhoneNumbers
{
    public static bool IsValid(string? phone) => !string.IsNullOrWhiteSpace(phone) && Format().IsMatch(phone.Trim());

    [GeneratedRegex(@"^(?:(?:\+86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Format();
}
