using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ComplaintOps.Features.Handling.Routing;

public partial class MyQueue
{
    public const int PageSize = 25;

    [Inject] private MyQueueQueries Queries { get; set; } = default!;
    [Inject] private Infrastructure.BusinessTime Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private MyQueuePage? _page;
    private int _pageIndex;
    private string _me = "";

    private int PageCount => _page is null ? 0 : (_page.Total + PageSize - 1) / PageSize;

    protected override async Task OnInitializedAsync()
    {
        _me = Identity.CurrentActor.From((await AuthState).User).Id;
        await LoadAsync();
    }

    private async Task GoToAsync(int page)
    {
        _pageIndex = page - 1;
        await LoadAsync();
    }

    private async Task LoadAsync() => _page = await Queries.PageAsync(_me, _pageIndex, PageSize);
}
