using System.Globalization;
using ComplaintOps.Components.Shared;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using Microsoft.Extensions.Localization;

namespace ComplaintOps.Features.Quality;

/// <summary>Small shared texts of the quality pages.</summary>
public static class QualityUi
{
    public const int PageSize = 25;

    /// <summary>The localised message of a rule violation ("Error.{code}"), else the domain's own words.</summary>
    public static string Message(IStringLocalizer l, DomainException ex)
    {
        var msg = l[$"Error.{ex.Code}"];
        return msg.ResourceNotFound ? ex.Message : msg.Value;
    }

    public static string Reasons(IStringLocalizer l, SampleReason reasons) =>
        string.Join("、", Enum.GetValues<SampleReason>().Where(r => r != SampleReason.None && reasons.HasFlag(r)).Select(r => l.Enum(r)));

    public static string Score(double? total) => total is { } t ? t.ToString("0.0", CultureInfo.InvariantCulture) : "—";

    public static MudBlazor.Color ColorOf(double? total) => total switch
    {
        null => MudBlazor.Color.Default,
        < 60 => MudBlazor.Color.Error,
        < 80 => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Success,
    };
}
