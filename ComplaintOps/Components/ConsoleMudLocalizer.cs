using ComplaintOps.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace ComplaintOps.Components;

/// <summary>MudBlazor's own texts (pager, grid) from our string table under "Mud." keys; MudBlazor's English otherwise.</summary>
internal sealed class ConsoleMudLocalizer(IStringLocalizer<SharedResource> strings) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var ours = strings[$"Mud.{key}"];
            return ours.ResourceNotFound ? new LocalizedString(key, key, resourceNotFound: true) : new LocalizedString(key, ours.Value);
        }
    }

    // MudBlazor's pager texts carry {first_item}-style tokens it replaces itself: only {0}-style texts are formatted.
    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var text = this[key];
            return arguments.Length == 0 || text.ResourceNotFound || !text.Value.Contains("{0", StringComparison.Ordinal)
                ? text
                : new LocalizedString(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, text.Value, arguments));
        }
    }
}
