using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;
using ComplaintOps.Features.Attachments;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace ComplaintOps.Features.Intake;

/// <summary>
/// The agent's intake form (R1, R6, R7, R11, R16, R27, R34). It adapts to the channel; nothing is saved
/// until every field checks out, and the agent who saves it owns the complaint.
/// </summary>
public partial class AgentIntake
{
    private const int MaxScannedPages = 10;

    [Inject] private IntakeService Intake { get; set; } = default!;
    [Inject] private AttachmentStore Attachments { get; set; } = default!;
    [Inject] private WorkingCalendarService Calendar { get; set; } = default!;
    [Inject] private BusinessTime Time { get; set; } = default!;
    [Inject] private NavigationManager Nav { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = default!;

    public IntakeFormModel M { get; } = new();

    private Dictionary<string, string> _errors = [];
    private string? _error;
    private bool _saving;
    // Counts the save attempts the server received (shown on the form), so a browser test can tell a click that never
    // arrived from a save that was refused.
    private int _saveAttempts;
    private SignaturePad? _signaturePad;
    private List<IBrowserFile> _scans = [];

    private DateTime TodayAsDateTime => Time.Today.ToDateTime(TimeOnly.MinValue);

    private string? Err(string field) => _errors.TryGetValue(field, out var key) ? L[key].Value : null;

    private bool Has(string field) => _errors.ContainsKey(field);

    private void ChooseChannel(Channel channel)
    {
        M.Channel = channel;
        if (channel == Channel.Letter) M.LetterReceivedOn ??= TodayAsDateTime;
        _errors.Clear();
        _error = null;
    }

    private void LetterDateChanged(DateTime? date)
    {
        M.LetterReceivedOn = date;
        _errors.Remove(nameof(IntakeFormModel.LetterReceivedOn));
    }

    /// <summary>
    /// The instant the clocks count from: now for today, else the start of the day the letter arrived —
    /// never earlier than the 30 days the domain allows (the same business date, so the same due date).
    /// </summary>
    private DateTime? ReceivedAtUtc()
    {
        if (M.Channel != Channel.Letter || M.LetterReceivedOn is null) return null;
        var day = DateOnly.FromDateTime(M.LetterReceivedOn.Value);
        if (day >= Time.Today) return null;
        var start = Time.StartOfDayUtc(day);
        var earliest = Time.UtcNow - Complaint.MaxReceivedBackdating;
        return start < earliest ? earliest : start;
    }

    /// <summary>R16: the letter's reply due date, shown before saving, from the one SLA clock.</summary>
    private string LetterDuePreview
    {
        get
        {
            if (M.LetterReceivedOn is null || Has(nameof(IntakeFormModel.LetterReceivedOn))) return "";
            var day = DateOnly.FromDateTime(M.LetterReceivedOn.Value);
            if (day > Time.Today || day < Time.Today.AddDays(-30)) return L["Intake.Error.LetterDateRange"];
            var received = ReceivedAtUtc() ?? Time.UtcNow;
            var facts = new SlaFacts(Channel.Letter, RiskLevel.Low, ComplaintStatus.Received, received, null, null, null, null);
            var due = Calendar.Clock.Compute(facts)[SlaClockKind.LetterReply]?.DueUtc;
            if (due is null) return "";
            // The period ends at 24:00 of its last working day: show that day.
            var lastDay = DateOnly.FromDateTime(Time.ToBusiness(due.Value).AddMinutes(-1));
            return L["Intake.LetterDuePreview", lastDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
        }
    }

    private void ScansChosen(InputFileChangeEventArgs e)
    {
        _scans = e.GetMultipleFiles(MaxScannedPages).ToList();
    }

    private async Task SaveAsync()
    {
        if (_saving) return;
        _saveAttempts++;
        _error = null;
        // MudBlazor fields clear their own error state while the user types; render once without errors so
        // the fields see the new ones as a change.
        _errors = [];
        StateHasChanged();
        await Task.Yield();
        _errors = M.Validate(Time.Today);
        string? signature = null;
        if (M.Channel == Channel.OnSiteVisit)
        {
            signature = _signaturePad is null ? null : await _signaturePad.GetPngDataUrlAsync();
            if (string.IsNullOrEmpty(signature)) _errors["Signature"] = "Intake.Error.SignatureRequired";
        }
        if (_errors.Count > 0) return;

        _saving = true;
        try
        {
            var agent = CurrentActor.From((await AuthState).User);
            var attachmentIds = new List<long>();
            if (signature is not null)
            {
                var png = Convert.FromBase64String(signature[(signature.IndexOf(',', StringComparison.Ordinal) + 1)..]);
                attachmentIds.Add((await Attachments.SaveAsync(new MemoryStream(png), "signature.png", AttachmentKind.Signature, agent.Id)).Id);
            }
            if (M.Channel == Channel.Letter)
            {
                foreach (var scan in _scans)
                {
                    await using var stream = scan.OpenReadStream(Attachments.MaxBytes + 1);
                    attachmentIds.Add((await Attachments.SaveAsync(stream, scan.Name, AttachmentKind.ScannedLetter, agent.Id)).Id);
                }
            }
            var complaint = await Intake.ReceiveAtConsoleAsync(
                M.ToNewComplaint(ReceivedAtUtc()),
                agent,
                new ConsoleDecision(M.Outcome, M.OutcomeText?.Trim(), M.HasRecord ? M.Record?.Trim() : null, attachmentIds));
            Nav.NavigateTo($"/complaints/{complaint.Id}");
        }
        catch (DomainException e)
        {
            var localized = L[$"Error.{e.Code}"];
            _error = localized.ResourceNotFound ? e.Message : localized.Value;
        }
        catch (IOException)
        {
            _error = L["Intake.Error.UploadFailed"];
        }
        finally
        {
            _saving = false;
        }
    }
}
