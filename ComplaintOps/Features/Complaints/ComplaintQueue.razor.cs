using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ComplaintOps.Features.Complaints;

public partial class ComplaintQueue
{
    [Inject] private ComplaintQueries Queries { get; set; } = default!;
    [Inject] private Infrastructure.BusinessTime Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    /// <summary>Filters can come in the URL, e.g. /complaints?severity=HighRisk, so a filtered view can be shared.</summary>
    [SupplyParameterFromQuery(Name = "severity")] private string? SeverityQuery { get; set; }
    [SupplyParameterFromQuery(Name = "overdue")] private bool? OverdueQuery { get; set; }

    private MudDataGrid<QueueRow>? _grid;
    private QueueFilter _filter = new();
    private string? _search;
    private bool _loading;
    private QueueSummary? _summary;

    protected override void OnInitialized()
    {
        _filter = _filter with
        {
            Severity = Enum.TryParse<Domain.Complaints.ComplaintSeverity>(SeverityQuery, true, out var s) ? s : null,
            OverdueOnly = OverdueQuery ?? false,
        };
    }

    private async Task<GridData<QueueRow>> LoadAsync(GridState<QueueRow> state, CancellationToken ct)
    {
        _loading = true;
        try
        {
            var sortBy = state.SortDefinitions.FirstOrDefault();
            var sort = sortBy is null
                ? new QueueSort()
                : new QueueSort(SortColumn(sortBy.SortBy), sortBy.Descending);
            var page = await Queries.QueueAsync(_filter with { Search = _search }, sort, state.Page, state.PageSize, ct);
            _summary?.Show(page.TotalCount);
            return new GridData<QueueRow> { Items = page.Rows, TotalItems = page.TotalCount };
        }
        finally
        {
            _loading = false;
        }
    }

    private static QueueSortColumn SortColumn(string? property) => property switch
    {
        nameof(QueueRow.TrackingNumber) => QueueSortColumn.TrackingNumber,
        nameof(QueueRow.Status) => QueueSortColumn.Status,
        nameof(QueueRow.RiskLevel) => QueueSortColumn.RiskLevel,
        nameof(QueueRow.ReceivedAtUtc) => QueueSortColumn.Received,
        _ => QueueSortColumn.NextDue,
    };

    private Task Update(QueueFilter filter)
    {
        _filter = filter;
        return Reload();
    }

    private Task OnSearchChanged(string? value)
    {
        _search = value;
        return Reload();
    }

    private Task Reload() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task OpenAsync(DataGridRowClickEventArgs<QueueRow> args)
    {
        Navigation.NavigateTo($"/complaints/{args.Item.Id}");
        return Task.CompletedTask;
    }
}
