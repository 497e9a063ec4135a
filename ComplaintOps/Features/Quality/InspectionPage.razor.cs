using System.Security.Claims;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace ComplaintOps.Features.Quality;

public sealed partial class InspectionPage
{
    [Parameter] public long Id { get; set; }
    [Inject] private QualityService Quality { get; set; } = default!;

    private InspectionView? _view;
    private bool _loaded;
    private bool _busy;
    private string? _error;

    protected override async Task OnParametersSetAsync()
    {
        _view = await Quality.GetAsync(Id);
        _loaded = true;
    }

    private async Task ScoreAsync(ScorecardInput input, ClaimsPrincipal user)
    {
        _busy = true;
        try
        {
            await Quality.ScoreAsync(Id, input, CurrentActor.From(user));
            _error = null;
            _view = await Quality.GetAsync(Id);
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
