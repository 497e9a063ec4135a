using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using ComplaintOps.Features.Intake.Api;
using ComplaintOps.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ComplaintOps.Features.Administration.ApiKeys;

/// <summary>Administrators issue one key per source (R6) and revoke it; the secret is shown once and only its hash is kept.</summary>
public partial class ApiKeysAdmin
{
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private ApiKeyStore Keys { get; set; } = default!;
    [Inject] private BusinessTime Time { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    private IReadOnlyList<ApiKey> _keys = [];
    private Channel _channel = Channel.Regulator;
    private string? _sourceName;
    private ApiKeyStore.IssuedKey? _issued;
    private string? _error;
    private bool _busy;

    protected override async Task OnInitializedAsync() => _keys = await Keys.ListAsync();

    private async Task CreateAsync()
    {
        _busy = true;
        _error = null;
        _issued = null;
        try
        {
            _issued = await Keys.CreateAsync(_channel, _sourceName ?? "", await ActorAsync());
            _sourceName = null;
            _keys = await Keys.ListAsync();
        }
        catch (DomainException e)
        {
            _error = L[$"Error.{e.Code}"].ResourceNotFound ? e.Message : L[$"Error.{e.Code}"];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task RevokeAsync(ApiKey key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["ApiKeys.Revoke"], L["ApiKeys.RevokeConfirm", key.SourceName], L["ApiKeys.Revoke"], cancelText: L["ApiKeys.Cancel"]);
        if (confirmed != true) return;
        _busy = true;
        try
        {
            await Keys.RevokeAsync(key.Id, await ActorAsync());
            _issued = null;
            _keys = await Keys.ListAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<Actor> ActorAsync() => CurrentActor.From((await AuthState).User);
}
