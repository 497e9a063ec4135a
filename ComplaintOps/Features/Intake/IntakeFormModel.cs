using System.Net.Mail;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// What the agent types on the intake form, and its checks. Each problem is reported against its field
/// as a resource key ("Intake.Error.*") so the page can say it in plain words in the user's language.
/// </summary>
public sealed class IntakeFormModel
{
    /// <summary>The channels an agent records at the console (web and app arrive through the public page).</summary>
    public static readonly Channel[] ConsoleChannels =
        [Channel.Phone, Channel.OnSiteVisit, Channel.Letter, Channel.Email, Channel.Regulator, Channel.PublicOpinion, Channel.Media];

    public Channel Channel { get; set; } = Channel.Phone;
    public string? SourceName { get; set; }
    public string? SourceReference { get; set; }

    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? IdNumber { get; set; }
    public string? Province { get; set; }
    public string? City { get; set; }

    public RespondentKind RespondentKind { get; set; } = RespondentKind.Merchant;
    public string? RespondentName { get; set; }

    public string? ProductLine { get; set; }
    public ProblemType? ProblemType { get; set; }
    public ProblemSubType? ProblemSubType { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Demands { get; set; }
    public SpecialGroup SpecialGroup { get; set; }

    /// <summary>The detailed record of the call (required for phone) or of the visit (R27).</summary>
    public string? Record { get; set; }

    /// <summary>The business date a letter arrived (R16: its clock counts from then).</summary>
    public DateTime? LetterReceivedOn { get; set; }

    public FirstContactOutcome Outcome { get; set; }

    /// <summary>The answer given on first contact (R11) or why it is out of scope (R7).</summary>
    public string? OutcomeText { get; set; }

    public bool HasRecord => Channel is Channel.Phone or Channel.OnSiteVisit;

    public void ChooseProblemType(ProblemType? type)
    {
        ProblemType = type;
        if (ProblemSubType is { } sub && (type is null || !ProblemTaxonomy.Belongs(sub, type.Value))) ProblemSubType = null;
    }

    /// <summary>Field name → resource key of the problem. Empty when the form can be saved.</summary>
    public Dictionary<string, string> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        void Require(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) errors[field] = $"Intake.Error.{field}Required";
            else if (value.Trim().Length > max) errors[field] = "Intake.Error.TooLong";
        }

        if (Channel.IsExternal())
        {
            Require(nameof(SourceName), SourceName, 100);
            Require(nameof(SourceReference), SourceReference, 100);
        }
        Require(nameof(Name), Name, 100);
        Require(nameof(Phone), Phone, 32);
        if (!errors.ContainsKey(nameof(Phone)) && !LooksLikePhone(Phone!)) errors[nameof(Phone)] = "Intake.Error.PhoneFormat";
        if (Channel == Channel.Email) Require(nameof(Email), Email, 200);
        if (!string.IsNullOrWhiteSpace(Email) && !errors.ContainsKey(nameof(Email)) && !LooksLikeEmail(Email)) errors[nameof(Email)] = "Intake.Error.EmailFormat";
        if (IdNumber?.Trim().Length > 32) errors[nameof(IdNumber)] = "Intake.Error.TooLong";
        Require(nameof(Province), Province, 32);
        Require(nameof(City), City, 64);
        Require(nameof(RespondentName), RespondentName, 200);
        Require(nameof(ProductLine), ProductLine, 64);
        if (ProblemType is null) errors[nameof(ProblemType)] = "Intake.Error.ProblemTypeRequired";
        if (ProblemSubType is null) errors[nameof(ProblemSubType)] = "Intake.Error.ProblemSubTypeRequired";
        Require(nameof(Title), Title, 200);
        Require(nameof(Description), Description, 8000);
        Require(nameof(Demands), Demands, 2000);
        if (Channel == Channel.Phone) Require(nameof(Record), Record, 4000);
        else if (Record?.Trim().Length > 4000) errors[nameof(Record)] = "Intake.Error.TooLong";

        if (Channel == Channel.Letter)
        {
            if (LetterReceivedOn is null) errors[nameof(LetterReceivedOn)] = "Intake.Error.LetterReceivedOnRequired";
            else if (DateOnly.FromDateTime(LetterReceivedOn.Value) > today) errors[nameof(LetterReceivedOn)] = "Intake.Error.ReceivedInFuture";
            else if (DateOnly.FromDateTime(LetterReceivedOn.Value) < today.AddDays(-30)) errors[nameof(LetterReceivedOn)] = "Intake.Error.ReceivedTooOld";
        }

        if (Outcome == FirstContactOutcome.SolvedOnFirstContact && string.IsNullOrWhiteSpace(OutcomeText))
            errors[nameof(OutcomeText)] = "Intake.Error.AnswerRequired";
        else if (Outcome == FirstContactOutcome.OutOfScope && string.IsNullOrWhiteSpace(OutcomeText))
            errors[nameof(OutcomeText)] = "Intake.Error.OutOfScopeReasonRequired";
        else if (OutcomeText?.Trim().Length > 4000)
            errors[nameof(OutcomeText)] = "Intake.Error.TooLong";
        return errors;
    }

    /// <summary>Only for a valid form. <paramref name="receivedAtUtc"/> is null unless a letter arrived before today.</summary>
    public NewComplaint ToNewComplaint(DateTime? receivedAtUtc) => new()
    {
        Channel = Channel,
        SourceName = Channel.IsExternal() ? SourceName!.Trim() : null,
        SourceReference = Channel.IsExternal() ? SourceReference!.Trim() : null,
        SpecialGroup = SpecialGroup,
        Complainant = new Complainant
        {
            Name = Name!.Trim(),
            Phone = Phone!.Trim(),
            Email = Blank(Email),
            IdNumber = Blank(IdNumber),
            Province = Province!,
            City = City!.Trim(),
        },
        Respondent = new Respondent { Kind = RespondentKind, Name = RespondentName!.Trim() },
        ProductLine = ProductLine!.Trim(),
        ProblemSubType = ProblemSubType!.Value,
        Title = Title!.Trim(),
        Description = Description!.Trim(),
        Demands = Demands!.Trim(),
        ReceivedAtUtc = receivedAtUtc,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool LooksLikePhone(string phone)
    {
        var digits = phone.Count(char.IsAsciiDigit);
        return digits is >= 5 and <= 20 && phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')');
    }

    private static bool LooksLikeEmail(string email) =>
        MailAddress.TryCreate(email.Trim(), out var address) && address.Address == email.Trim() && email.Contains('.', StringComparison.Ordinal);
}
