using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ComplaintOps.Features.Quality;

public sealed partial class MyQuality
{
    [Inject] private QualityService Quality { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private Paged<Inspection>? _page;
    private int _pageIndex;
    private long? _appealing;
    private string? _reason;
    private string? _error;
    private bool _busy;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var me = CurrentActor.From((await Auth).User);
        _page = await Quality.MyScoresAsync(me.Id, _pageIndex, QualityUi.PageSize);
    }

    private Task GoAsync(int page)
    {
        _pageIndex = page - 1;
        return LoadAsync();
    }

    private void Open(long id)
    {
        _appealing = id;
        _reason = null;
        _error = null;
    }

    private async Task AppealAsync(long id)
    {
        _busy = true;
        try
        {
            await Quality.AppealAsync(id, _reason, CurrentActor.From((await Auth).User));
            _appealing = null;
            _error = null;
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
