using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ComplaintOps.Features.Handling.Collaboration;

/// <summary>
/// The liaison inbox (R21): tasks of the user's departments (every department for supervisors and managers), overdue
/// marked, paged in SQL; a liaison answers in a dialog and the answer lands on the case timeline. Only the question and a
/// masked case summary are shown; the case itself stays closed to liaisons.
/// </summary>
public partial class TasksInbox : IDisposable
{
    public const int PageSize = 20;

    [Inject] private CollaborationQueries Queries { get; set; } = default!;
    [Inject] private CollaborationService Collaboration { get; set; } = default!;
    [Inject] private CollaborationEvents Events { get; set; } = default!;
    [Inject] private BusinessTime Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    private Actor? _me;
    private bool _overseer;
    private IReadOnlyList<Department> _departments = [];
    private IReadOnlyList<DepartmentTaskCount> _counts = [];
    private TaskInboxFilter _filter = TaskInboxFilter.Open;
    private int _pageIndex;
    private TaskInboxPage _page = new([], 0);
    private bool _loaded;

    private bool _answering;
    private TaskInboxRow? _current;
    private string? _answer;
    private string? _answerError;
    private bool _busy;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthState).User;
        _me = CurrentActor.From(user);
        _overseer = HandlingPolicies.TaskOverseerRoles.Any(user.IsInRole);
        _departments = await Queries.DepartmentsOfAsync(_me.Id);
        await LoadAsync();
        Events.Changed += OnCollaborationChanged;
    }

    public void Dispose() => Events.Changed -= OnCollaborationChanged;

    /// <summary>New, answered or withdrawn tasks show up without a reload.</summary>
    private void OnCollaborationChanged(int complaintId)
    {
        if (_busy) return;
        _ = InvokeAsync(async () =>
        {
            try
            {
                await LoadAsync();
                StateHasChanged();
            }
            catch (ObjectDisposedException)
            {
                // The circuit closed meanwhile.
            }
        });
    }

    private async Task LoadAsync()
    {
        // Supervisors and managers see every department; a liaison only their own.
        _page = await Queries.InboxAsync(_overseer ? null : _departments, _filter, _pageIndex, PageSize);
        if (_overseer) _counts = await Queries.CountsByDepartmentAsync();
        _loaded = true;
    }

    private async Task FilterAsync(TaskInboxFilter filter)
    {
        _filter = filter;
        _pageIndex = 0;
        await LoadAsync();
    }

    private async Task PageAsync(int page)
    {
        _pageIndex = Math.Max(page - 1, 0);
        await LoadAsync();
    }

    private void OpenAnswer(TaskInboxRow row)
    {
        _current = row;
        _answer = null;
        _answerError = null;
        _answering = true;
    }

    private async Task AnswerAsync()
    {
        if (_current is null || _me is null) return;
        _busy = true;
        _answerError = null;
        try
        {
            await Collaboration.AnswerAsync(_current.Id, _answer, _me);
            _answering = false;
            Snackbar.Add(L["Handling.AnswerSent", _current.TrackingNumber], Severity.Success);
            await LoadAsync();
        }
        catch (DomainException e)
        {
            _answerError = L.Message(e);
        }
        finally
        {
            _busy = false;
        }
    }
}
