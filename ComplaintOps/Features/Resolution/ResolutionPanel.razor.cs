using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace ComplaintOps.Features.Resolution;

public partial class ResolutionPanel
{
    private static readonly string HandlerRoles = string.Join(",", Policies.IntakeRoles);

    internal static readonly OutboundChannel[] FeedbackChannels = [OutboundChannel.Phone, OutboundChannel.Sms, OutboundChannel.Internet, OutboundChannel.Email, OutboundChannel.Letter];

    [Parameter, EditorRequired] public Complaint Complaint { get; set; } = default!;
    [Parameter] public EventCallback Changed { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;
    [Inject] private ResolutionCommands Commands { get; set; } = default!;
    [Inject] private ResolutionQueries Queries { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private CaseResolution? _case;
    private string? _error;
    private bool _busy;
    private bool _feedbackOpen;
    private OutboundChannel _feedbackChannel = OutboundChannel.Phone;
    private string? _feedbackText;
    private string? _notEstablishedReply;
    private OutboundChannel _notEstablishedChannel = OutboundChannel.Sms;
    private string? _solution;
    private string? _resultComplainant;
    private OutboundChannel _resultComplainantChannel = OutboundChannel.Sms;
    private string? _resultRespondent;
    private OutboundChannel _resultRespondentChannel = OutboundChannel.Internet;

    protected override async Task OnParametersSetAsync()
    {
        if (Complaint.Status is not (ComplaintStatus.Received or ComplaintStatus.Archived))
            _case = await Queries.ForCaseAsync(Complaint.Id);
    }

    private Task FeedbackAsync() => RunAsync(
        a => Commands.RecordProgressFeedbackAsync(Complaint.Id, Complaint.Version, _feedbackChannel, _feedbackText ?? "", a), L["FeedbackLogged"],
        () => { _feedbackText = null; _feedbackOpen = false; });

    private Task NotEstablishedAsync() => RunAsync(
        a => Commands.DeclareNotEstablishedAsync(Complaint.Id, Complaint.Version, _notEstablishedChannel, _notEstablishedReply ?? "", a), L["Resolution.ArchivedDone"]);

    private Task ArchiveAsync() => RunAsync(a => Commands.ArchiveAsync(Complaint.Id, Complaint.Version, a), L["Resolution.ArchivedDone"]);

    private Task ProposeSolutionAsync() => RunAsync(
        a => Commands.ProposeSolutionAsync(Complaint.Id, Complaint.Version, _solution ?? "", a), L["Resolution.Saved"], () => _solution = null);

    private Task SendResultAsync() => RunAsync(
        a => Commands.SendResultAsync(Complaint.Id, Complaint.Version, _resultComplainantChannel, _resultComplainant ?? "", _resultRespondentChannel, _resultRespondent ?? "", a),
        L["Resolution.ResultSent"]);

    /// <summary>Runs a command as the signed-in user; rule violations are shown in the user's language.</summary>
    internal async Task RunAsync(Func<Actor, Task> command, string done, Action? after = null)
    {
        _busy = true;
        _error = null;
        try
        {
            var user = (await AuthState).User;
            await command(CurrentActor.From(user));
            after?.Invoke();
            Snackbar.Add(done, Severity.Success);
            await Changed.InvokeAsync();
        }
        catch (DomainException e)
        {
            var localized = L[$"Error.{e.Code}"];
            _error = localized.ResourceNotFound ? e.Message : localized.Value;
        }
        catch (ConcurrencyConflictException e)
        {
            _error = L["ConflictMessage", e.TrackingNumber];
        }
        finally
        {
            _busy = false;
        }
    }
}
