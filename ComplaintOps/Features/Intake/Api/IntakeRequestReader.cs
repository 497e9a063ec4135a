using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Features.Intake.Api;

/// <summary>
/// Reads and validates a request body field by field, so a caller gets every problem at once with the
/// field's JSON path as its name (RFC 7807 validation problem). Limits match the database columns
/// (Data/Configurations/ComplaintConfiguration.cs).
/// </summary>
public sealed partial class IntakeRequestReader
{
    /// <summary>Used until triage classifies the complaint (the caller may name a sub-type instead).</summary>
    public const ProblemSubType DefaultSubType = ProblemSubType.PoorExperience;

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public sealed record Result(IntakeRequest? Request, IDictionary<string, string[]> Errors)
    {
        public bool IsValid => Request is not null && Errors.Count == 0;
    }

    /// <summary>Throws <see cref="JsonException"/> when the body is not JSON at all.</summary>
    public static Result Read(ReadOnlyMemory<byte> body, Channel channel)
    {
        using var doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
        return new IntakeRequestReader().Read(doc.RootElement, channel);
    }

    private Result Read(JsonElement root, Channel channel)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Add("$", "The body must be a JSON object.");
            return Done(null);
        }
        RejectUnknown(root, "", "complainant", "respondent", "productLine", "problemSubType", "title", "description", "demands", "sourceReference", "specialGroup");

        var complainant = Object(root, "complainant");
        var name = Text(complainant, "complainant.name", "name", 100, required: true);
        var phone = Text(complainant, "complainant.phone", "phone", 32, required: true);
        if (phone is not null && !PhoneNumbers.IsValid(phone))
            Add("complainant.phone", "Not a phone number: a mainland mobile (11 digits, optionally +86) or a landline with area code.");
        var email = Text(complainant, "complainant.email", "email", 200, required: false);
        if (email is not null && !EmailFormat().IsMatch(email)) Add("complainant.email", "Not an e-mail address.");
        var idNumber = Text(complainant, "complainant.idNumber", "idNumber", 32, required: false);
        var province = Text(complainant, "complainant.province", "province", 32, required: true);
        var canonicalProvince = province is null ? null : ProvinceName(province);
        if (province is not null && canonicalProvince is null) Add("complainant.province", "Not a provincial-level division of mainland China (e.g. 浙江 or 浙江省).");
        var city = Text(complainant, "complainant.city", "city", 64, required: true);
        if (complainant is { } c) RejectUnknown(c, "complainant.", "name", "phone", "email", "idNumber", "province", "city");

        var respondent = Object(root, "respondent");
        var kind = Enum<RespondentKind>(respondent, "respondent.kind", "kind", required: true);
        var respondentName = Text(respondent, "respondent.name", "name", 200, required: true);
        if (respondent is { } r) RejectUnknown(r, "respondent.", "kind", "name");

        var productLine = Text(root, "productLine", "productLine", 64, required: true);
        var subType = Enum<ProblemSubType>(root, "problemSubType", "problemSubType", required: false);
        var title = Text(root, "title", "title", 200, required: true);
        var description = Text(root, "description", "description", 8000, required: true, multiline: true);
        var demands = Text(root, "demands", "demands", 2000, required: true, multiline: true);
        var sourceReference = Text(root, "sourceReference", "sourceReference", 100, required: channel.IsExternal());
        var specialGroup = Enum<SpecialGroup>(root, "specialGroup", "specialGroup", required: false);

        if (_errors.Count > 0) return Done(null);
        return Done(new IntakeRequest
        {
            Complainant = new IntakeComplainant { Name = name!, Phone = phone!, Email = email, IdNumber = idNumber, Province = canonicalProvince!, City = city! },
            Respondent = new IntakeRespondent { Kind = kind!.Value, Name = respondentName! },
            ProductLine = productLine!,
            ProblemSubType = subType,
            Title = title!,
            Description = description!,
            Demands = demands!,
            SourceReference = sourceReference,
            SpecialGroup = specialGroup ?? SpecialGroup.None,
        });
    }

    /// <summary>The domain's view of a valid request.</summary>
    public static NewComplaint ToNewComplaint(IntakeRequest request, ApiKey key, ProblemSubType subType) => new()
    {
        Channel = key.Channel,
        SourceName = key.SourceName,
        SourceReference = request.SourceReference,
        SpecialGroup = request.SpecialGroup,
        Complainant = new Complainant
        {
            Name = request.Complainant.Name,
            Phone = request.Complainant.Phone,
            Email = request.Complainant.Email,
            IdNumber = request.Complainant.IdNumber,
            Province = request.Complainant.Province,
            City = request.Complainant.City,
        },
        Respondent = new Respondent { Kind = request.Respondent.Kind, Name = request.Respondent.Name },
        ProductLine = request.ProductLine,
        ProblemSubType = subType,
        Title = request.Title,
        Description = request.Description,
        Demands = request.Demands,
    };

    private Result Done(IntakeRequest? request) =>
        new(request, _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

    private JsonElement? Object(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            Add(name, "Required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(name, "Must be an object.");
            return null;
        }
        return value;
    }

    private string? Text(JsonElement? parent, string path, string name, int maxLength, bool required, bool multiline = false)
    {
        if (parent is not { } p) return null;
        if (!p.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Add(path, "Required.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            Add(path, "Must be a string.");
            return null;
        }
        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required) Add(path, "Required.");
            return null;
        }
        if (text.Length > maxLength) Add(path, $"At most {maxLength} characters.");
        if (text.Any(ch => char.IsControl(ch) && !(multiline && ch is '\n' or '\r' or '\t'))) Add(path, "Contains control characters.");
        return text;
    }

    private T? Enum<T>(JsonElement? parent, string path, string name, bool required) where T : struct, Enum
    {
        if (parent is not { } p) return null;
        if (!p.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) Add(path, "Required.");
            return null;
        }
        var allowed = string.Join(", ", System.Enum.GetNames<T>());
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } s
            && !s.Any(char.IsDigit) && System.Enum.TryParse<T>(s.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed))
            return parsed;
        Add(path, $"Must be one of: {allowed}.");
        return null;
    }

    private void RejectUnknown(JsonElement obj, string prefix, params string[] known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                Add(prefix + property.Name, "Unknown field (severity and risk are graded internally and not accepted).");
        }
    }

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    /// <summary>"浙江", "浙江省", "广西壮族自治区", "北京市" → the canonical short name, or null.</summary>
    internal static string? ProvinceName(string province)
    {
        if (Provinces.All.Contains(province)) return province;
        foreach (var suffix in (string[])["壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "省", "市"])
        {
            if (province.EndsWith(suffix, StringComparison.Ordinal) && Provinces.All.Contains(province[..^suffix.Length]))
                return province[..^suffix.Length];
        }
        return null;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmailFormat();
}
