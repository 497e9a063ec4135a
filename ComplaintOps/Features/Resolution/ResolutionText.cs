using ComplaintOps.Components.Shared;
using ComplaintOps.Domain.Handling;
using Microsoft.Extensions.Localization;

namespace ComplaintOps.Features.Resolution;

/// <summary>Shows the enum names the resolution feature writes on the timeline in the user's language.</summary>
public static class ResolutionText
{
    public static string Describe(IStringLocalizer L, string value) => value switch
    {
        "Agree" => L["Resolution.Agree"],
        "Disagree" => L["Resolution.Disagree"],
        _ when Enum.TryParse<CompensationKind>(value, out var k) => L.Enum(k),
        _ when Enum.TryParse<CompensationStatus>(value, out var s) => L.Enum(s),
        _ when Enum.TryParse<MediationLevel>(value, out var m) => L.Enum(m),
        _ when Enum.TryParse<OutboundParty>(value, out var p) => L.Enum(p),
        _ when Enum.TryParse<OutboundChannel>(value, out var c) => L.Enum(c),
        _ => value,
    };
}
