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
}
