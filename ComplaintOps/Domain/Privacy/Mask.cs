namespace ComplaintOps.Domain.Privacy;

/// <summary>The one masking helper (R29): personal data is shown like this unless a permitted user reveals it.</summary>
public static class Mask
{
    /// <summary>13812341234 → 138****1234.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return "";
        var digits = phone.Trim();
        return digits.Length switch
        {
            >= 11 => digits[..3] + "****" + digits[^4..],
            > 4 => new string('*', digits.Length - 4) + digits[^4..],
            _ => new string('*', digits.Length),
        };
    }

    /// <summary>张三丰 → 张**; Alice Smith → A**********.</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var trimmed = name.Trim();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(trimmed);
        elements.MoveNext();
        var first = (string)elements.Current;
        var rest = new System.Globalization.StringInfo(trimmed).LengthInTextElements - 1;
        return first + new string('*', Math.Max(rest, 1));
    }

    /// <summary>110101199003071234 → 110***********1234.</summary>
    public static string IdNumber(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "";
        var trimmed = id.Trim();
        return trimmed.Length <= 7 ? new string('*', trimmed.Length) : trimmed[..3] + new string('*', trimmed.Length - 7) + trimmed[^4..];
    }

    /// <summary>zhang.san@example.com → z***@example.com.</summary>
    public static string Email(string? email)
    {
        if (string.IsNullOrEmpty(email)) return "";
        var at = email.IndexOf('@');
        return at <= 0 ? new string('*', email.Length) : email[0] + "***" + email[at..];
    }
}
