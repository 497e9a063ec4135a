using System.Globalization;
using System.Text.Json;

namespace ComplaintOps.Domain.Calendar;

/// <summary>
/// Reads and writes the calendar JSON format of <c>data/calendars/cn.json</c>:
/// <c>{"years":{"2026":{"holidays":[{"date":"2026-01-01","name":"元旦"}],"adjustedWorkdays":[{"date":"2026-01-04"}]}}}</c>.
/// Adjusted working days may also be plain date strings. Bad input is refused with a message naming the entry.
/// </summary>
public static class CalendarFile
{
    public static IReadOnlyList<YearArrangement> Parse(string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CalendarFormatException($"The file is not valid JSON: {e.Message}");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("years", out var years)
                || years.ValueKind != JsonValueKind.Object)
            {
                throw new CalendarFormatException("The file must have a \"years\" object, e.g. {\"years\":{\"2027\":{...}}}.");
            }
            var result = new List<YearArrangement>();
            foreach (var year in years.EnumerateObject())
            {
                var parsed = ParseYear(year.Name, year.Value);
                if (result.Any(y => y.Year == parsed.Year))
                    throw new CalendarFormatException($"Year {parsed.Year} is listed twice in \"years\".");
                result.Add(parsed);
            }
            if (result.Count == 0) throw new CalendarFormatException("The file has no year in \"years\".");
            return result;
        }
    }

    private static YearArrangement ParseYear(string name, JsonElement value)
    {
        if (!int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
            throw new CalendarFormatException($"\"{name}\" is not a year between 2000 and 2100.");
        var holidays = new Dictionary<DateOnly, string>();
        foreach (var (day, label) in Entries(year, value, "holidays"))
            holidays[day] = label ?? "";
        var adjusted = new HashSet<DateOnly>();
        foreach (var (day, _) in Entries(year, value, "adjustedWorkdays"))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new CalendarFormatException($"{day:yyyy-MM-dd} is listed as an adjusted working day but is not a Saturday or Sunday.");
            if (holidays.ContainsKey(day))
                throw new CalendarFormatException($"{day:yyyy-MM-dd} is listed both as a holiday and as an adjusted working day.");
            adjusted.Add(day);
        }
        return new YearArrangement(year, holidays, adjusted);
    }

    private static IEnumerable<(DateOnly Day, string? Name)> Entries(int year, JsonElement value, string property)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
            throw new CalendarFormatException($"Year {year} needs a \"{property}\" list (it may be empty).");
        foreach (var item in list.EnumerateArray())
        {
            var (text, label) = item.ValueKind switch
            {
                JsonValueKind.String => (item.GetString(), null),
                JsonValueKind.Object when item.TryGetProperty("date", out var d) && d.ValueKind == JsonValueKind.String =>
                    (d.GetString(), item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null),
                _ => throw new CalendarFormatException($"An entry in {year} \"{property}\" has no \"date\"."),
            };
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                throw new CalendarFormatException($"\"{text}\" in {year} \"{property}\" is not a date like 2027-01-01.");
            if (day.Year != year)
                throw new CalendarFormatException($"{text} is listed under year {year}.");
            yield return (day, label);
        }
    }

    public static string Serialize(IEnumerable<YearArrangement> years)
    {
        var model = new Dictionary<string, object>
        {
            ["years"] = years.OrderBy(y => y.Year).ToDictionary(
                y => y.Year.ToString(CultureInfo.InvariantCulture),
                y => new
                {
                    holidays = y.Holidays.OrderBy(h => h.Key).Select(h => new { date = h.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), name = h.Value }),
                    adjustedWorkdays = y.AdjustedWorkdays.Order().Select(d => new { date = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }),
                }),
        };
        return JsonSerializer.Serialize(model, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

public sealed class CalendarFormatException(string message) : Exception(message);
