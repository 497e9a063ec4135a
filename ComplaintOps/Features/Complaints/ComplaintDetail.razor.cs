using ComplaintOps.Domain.Complaints;
using Microsoft.AspNetCore.Components;

namespace ComplaintOps.Features.Complaints;

public partial class ComplaintDetail
{
    [Parameter] public int Id { get; set; }
    [Inject] private ComplaintQueries Queries { get; set; } = default!;
    [Inject] private Infrastructure.BusinessTime Time { get; set; } = default!;

    private Complaint? _complaint;
    private bool _loading = true;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _complaint = await Queries.DetailAsync(Id);
        _loading = false;
    }
}
