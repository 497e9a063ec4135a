namespace ComplaintOps.Domain.Complaints;

/// <summary>The person who complains. Shown masked unless revealed (R29).</summary>
public sealed class Complainant
{
    private readonly string _phone = "";

    public required string Name { get; set; }

    public required string Phone
    {
        get => _phone;
        init
        {
            _phone = value.Trim();
            PhoneLast4 = _phone.Length >= 4 ? _phone[^4..] : _phone;
        }
    }

    /// <summary>Kept apart so "search by the phone's last four digits" is an indexed equality.</summary>
    public string PhoneLast4 { get; private set; } = "";

    public string? Email { get; set; }
    public string? IdNumber { get; set; }
    public required string Province { get; set; }
    public required string City { get; set; }
}

/// <summary>The merchant, partner or internal department complained about.</summary>
public sealed class Respondent
{
    public required RespondentKind Kind { get; set; }
    public required string Name { get; set; }
}

/// <summary>Who did something: a user id plus the name shown on the timeline.</summary>
public sealed record Actor(string Id, string Name)
{
    public static readonly Actor System = new("system", "System");
}
