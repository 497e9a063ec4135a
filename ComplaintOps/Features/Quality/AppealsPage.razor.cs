using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ComplaintOps.Features.Quality;

public sealed partial class AppealsPage
{
    [Inject] private QualityService Quality { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private Paged<Inspection>? _page;
    private bool _open = true;
    private int _pageIndex;
    private bool _loaded;
    private bool _senior;
    private string _me = "";
    private AppealDecision? _decision;
    private double? _adjusted;
    private string? _reason;
    private string? _error;
    private long? _deciding;
    private bool _busy;

    protected override async Task OnInitializedAsync()
    {
        _me = CurrentActor.From((await Auth).User).Id;
        _senior = await Quality.IsSeniorAsync(_me);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _page = await Quality.AppealsAsync(_open, _pageIndex, QualityUi.PageSize);
        _loaded = true;
    }

    private Task ShowAsync(bool open)
    {
        _open = open;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task GoAsync(int page)
    {
        _pageIndex = page - 1;
        return LoadAsync();
    }

    private void Open(long id)
    {
        _deciding = id;
        _decision = null;
        _adjusted = null;
        _reason = null;
        _error = null;
    }

    private async Task DecideAsync(long id)
    {
        _busy = true;
        try
        {
            if (_decision is not { } decision) throw new DomainException("AppealDecisionRequired", "Uphold or adjust the score.");
            await Quality.DecideAppealAsync(id, decision, _adjusted, _reason, CurrentActor.From((await Auth).User));
            _error = null;
            _deciding = null;
            _decision = null;
            _adjusted = null;
            _reason = null;
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            _error = QualityUi.Message(L, ex);
        }
        finally
        {
            _busy = false;
        }
    }
}
