using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Resources;
using Microsoft.Extensions.Localization;

namespace ComplaintOps.Features.Handling;

/// <summary>Small display helpers shared by the investigation and collaboration pages.</summary>
public static class HandlingUi
{
    /// <summary>The rule's message in the user's language when the resources have it, else the domain's own words.</summary>
    public static string Message(this IStringLocalizer<SharedResource> l, DomainException e)
    {
        var localized = l[$"Error.{e.Code}"];
        return localized.ResourceNotFound ? e.Message : localized.Value;
    }

    /// <summary>"1000+" when the count stopped at the cap.</summary>
    public static string Text(this Investigation.HistoryCount count) =>
        count.Capped ? $"{count.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}+" : count.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Risks(this IStringLocalizer<SharedResource> l, LegalRisks risks) =>
        string.Join("、", Enum.GetValues<LegalRisks>().Where(r => r != LegalRisks.None && risks.HasFlag(r)).Select(r => l[$"LegalRisks.{r}"].Value).DefaultIfEmpty("—"));
}
