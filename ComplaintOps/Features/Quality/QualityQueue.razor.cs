using System.Security.Claims;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace ComplaintOps.Features.Quality;

public sealed partial class QualityQueue
{
    [Inject] private QualityService Quality { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;

    private QueueScope _scope = QueueScope.ToScore;
    private int _pageIndex;
    private Paged<QueueRow>? _page;
    private string? _tracking;
    private bool _calibration;
    private string? _startError;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _page = await Quality.QueueAsync(_scope, _pageIndex, QualityUi.PageSize);

    private Task ScopeAsync(QueueScope scope)
    {
        _scope = scope;
        _pageIndex = 0;
        return LoadAsync();
    }

    private Task GoAsync(int page)
    {
        _pageIndex = page - 1;
        return LoadAsync();
    }

    private string Team(string team) => string.IsNullOrEmpty(team) ? "—" : L[$"Tier.{team}"];

    private async Task StartAsync(ClaimsPrincipal user)
    {
        try
        {
            var inspection = await Quality.StartAsync(_tracking ?? "", CurrentActor.From(user), _calibration);
            _startError = null;
            Nav.NavigateTo($"/quality/inspections/{inspection.Id}");
        }
        catch (DomainException ex)
        {
            _startError = QualityUi.Message(L, ex);
        }
    }
}
