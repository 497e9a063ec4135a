using System.Globalization;
using System.Text;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Handling;

/// <summary>Who receives an outbound text (R24: the result goes to both).</summary>
public enum OutboundParty
{
    Complainant = 0,
    Respondent = 1,
}

/// <summary>How it reaches them (R17: phone, SMS, internet; R24: internet, phone or SMS).</summary>
public enum OutboundChannel
{
    Phone = 0,
    Sms = 1,
    Internet = 2,
    Email = 3,
    Letter = 4,
}

/// <summary>The kinds of text the console sends to outside parties.</summary>
public enum OutboundKind
{
    ProgressFeedback = 0,
    Result = 1,
    NotEstablishedReply = 2,
    ReferralNotice = 3,
    /// <summary>The satisfaction survey link sent when a case is archived (R26, issue 6).</summary>
    SurveyInvitation = 4,
}

/// <summary>The handler as the console knows them: the alias outsiders see, and what must never reach them (R30).</summary>
public sealed record HandlerIdentity(string UserId, string WorkAlias, string RealName, string? Phone, string? Email);

/// <summary>
/// A text for an outside party, signed with the handler's work alias and checked for leaks of the handler's
/// real name, phone or email (R30, §9.7.3.2). Created only through <see cref="Compose"/>.
/// </summary>
public sealed class OutboundMessage
{
    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public OutboundKind Kind { get; private set; }
    public OutboundParty Recipient { get; private set; }
    public OutboundChannel Channel { get; private set; }
    /// <summary>The full text as sent, signature included.</summary>
    public string Text { get; private set; } = "";
    public string SignedAlias { get; private set; } = "";
    public string SentById { get; private set; } = "";
    public DateTime AtUtc { get; private set; }

    private OutboundMessage() { }

    /// <summary>The signature line every outbound text ends with.</summary>
    public static string Signature(string alias) => $"—— 投诉处理专员 {alias}";

    /// <summary>
    /// Signs <paramref name="body"/> with the alias of <paramref name="sender"/> and refuses it when the result
    /// names any of <paramref name="staff"/> (the sender, the case's handler and owner) by real name, phone or email.
    /// </summary>
    public static OutboundMessage Compose(
        int complaintId, OutboundKind kind, OutboundParty recipient, OutboundChannel channel, string body,
        HandlerIdentity sender, IEnumerable<HandlerIdentity> staff, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(sender);
        if (string.IsNullOrWhiteSpace(body))
            throw new DomainException("OutboundTextRequired", "Write what is said to the party.");
        if (string.IsNullOrWhiteSpace(sender.WorkAlias))
            throw new DomainException("WorkAliasMissing", "You have no work alias; ask an administrator for one before writing to users.");
        if (!Enum.IsDefined(recipient) || !Enum.IsDefined(channel))
            throw new DomainException("OutboundChannel", "Choose who receives it and how.");
        var text = body.Trim() + "\n" + Signature(sender.WorkAlias.Trim());
        AliasLeakCheck.Ensure(text, [sender, .. staff]);
        return new OutboundMessage
        {
            ComplaintId = complaintId,
            Kind = kind,
            Recipient = recipient,
            Channel = channel,
            Text = text,
            SignedAlias = sender.WorkAlias.Trim(),
            SentById = sender.UserId,
            AtUtc = UtcInstant.Require(nowUtc),
        };
    }
}

/// <summary>
/// R30: no text for outsiders may carry a handler's real name, phone number or email. Phones are compared
/// on digits only (138-1234-5678, 138 1234 5678 and +86 13812345678 are the same number); names and emails
/// case-insensitively, names also with their spaces removed.
/// </summary>
public static class AliasLeakCheck
{
    /// <summary>What leaked, e.g. "RealName" or "Phone"; empty when the text is clean.</summary>
    public static IReadOnlyList<string> Find(string text, IEnumerable<HandlerIdentity> staff)
    {
        ArgumentNullException.ThrowIfNull(text);
        var leaks = new List<string>();
        var compact = RemoveWhitespace(text);
        var digits = Digits(text);
        foreach (var who in staff)
        {
            var name = RemoveWhitespace(who.RealName);
            // A one-character name would match almost any Chinese text; real names have at least two.
            if (name.Length >= 2 && !ContainedInAlias(name, who.WorkAlias) && compact.Contains(name, StringComparison.OrdinalIgnoreCase))
                leaks.Add("RealName");
            var phone = NationalNumber(Digits(who.Phone ?? ""));
            if (phone.Length >= 7 && digits.Contains(phone, StringComparison.Ordinal))
                leaks.Add("Phone");
            if (!string.IsNullOrWhiteSpace(who.Email) && text.Contains(who.Email.Trim(), StringComparison.OrdinalIgnoreCase))
                leaks.Add("Email");
        }
        return leaks.Distinct().ToList();
    }

    public static void Ensure(string text, IEnumerable<HandlerIdentity> staff)
    {
        var leaks = Find(text, staff);
        if (leaks.Count > 0)
            throw new DomainException("AliasLeak", $"The text reveals a handler's {string.Join(", ", leaks)}; outside parties only see the work alias (R30).");
    }

    // An alias that happens to contain the real name (unlikely) would otherwise refuse every signed text.
    private static bool ContainedInAlias(string name, string alias) => RemoveWhitespace(alias).Contains(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>+86 / 0086 13812345678 → 13812345678, so the number is found however it is written.</summary>
    private static string NationalNumber(string digits) =>
        digits.StartsWith("0086", StringComparison.Ordinal) ? digits[4..]
        : digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal) ? digits[2..]
        : digits;

    private static string RemoveWhitespace(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));

    private static string Digits(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c)) b.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber) b.Append((char)('0' + (int)char.GetNumericValue(c)));
        }
        return b.ToString();
    }
}
