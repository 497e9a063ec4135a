using System.Globalization;
using ComplaintOps.Data;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace ComplaintOps.Features.Reports;

/// <summary>
/// /reports (managers, administrators): stored workbooks with their download links, "make now" for a month or a date range
/// (queued to <see cref="ReportWorker"/>, progress pushed back here, a snackbar when done) and the download log.
/// </summary>
public sealed partial class ReportsPage
{
    [Inject] private ReportQueue Queue { get; set; } = null!;
    [Inject] private ReportStore Store { get; set; } = null!;
    [Inject] private BusinessTime Time { get; set; } = null!;
    [Inject] private IDbContextFactory<ComplaintOpsDb> DbFactory { get; set; } = null!;
    [Inject] private IOptions<ReportsOptions> Options { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = null!;

    private readonly List<string> _months = [];
    private IReadOnlyList<ReportJob> _jobs = [];
    private IReadOnlyList<StoredReport> _stored = [];
    private IReadOnlyList<DownloadLogRow> _log = [];
    private bool _range;
    private string _month = "";
    private string? _from;
    private string? _to;
    private string _culture = "zh-CN";
    private string? _error;
    private CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private CultureInfo _currentCulture = CultureInfo.CurrentCulture;
    private string _userId = "";

    private string Schedule => $"{Options.Value.Cron} ({Options.Value.TimeZone})";

    protected override async Task OnInitializedAsync()
    {
        _uiCulture = CultureInfo.CurrentUICulture;
        _currentCulture = CultureInfo.CurrentCulture;
        _culture = _uiCulture.Name.StartsWith("en", StringComparison.Ordinal) ? "en" : "zh-CN";
        _userId = CurrentActor.From((await Auth).User).Id;
        var today = Time.Today;
        for (var i = 1; i <= 24; i++) _months.Add(today.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture));
        _month = _months[0];
        var last = ReportPeriod.LastMonth(today);
        _from = last.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        _to = last.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Queue.Changed += OnJobChanged;
        await RefreshAsync();
    }

    private async Task RefreshAsync()
    {
        _jobs = Queue.Recent();
        _stored = Store.List();
        _log = await DbFactory.DownloadLogAsync();
    }

    private async Task Make()
    {
        _error = null;
        ReportPeriod period;
        try
        {
            if (!_range)
            {
                var m = DateOnly.ParseExact(_month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                period = ReportPeriod.Month(m.Year, m.Month);
            }
            else
            {
                period = new ReportPeriod(
                    DateOnly.ParseExact(_from ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateOnly.ParseExact(_to ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            _error = L["Reports.BadPeriod", ReportPeriod.MaxDays];
            return;
        }
        var actor = CurrentActor.From((await Auth).User);
        Queue.Enqueue(period, _culture, actor.Id, actor.Name, Time.UtcNow);
        _jobs = Queue.Recent();
    }

    // Called on the worker's thread: hop onto the circuit, in the user's language.
    private void OnJobChanged(ReportJob job) => _ = InvokeAsync(async () =>
    {
        CultureInfo.CurrentUICulture = _uiCulture;
        CultureInfo.CurrentCulture = _currentCulture;
        _jobs = Queue.Recent();
        if (job.Finished)
        {
            _stored = Store.List();
            if (job.RequestedById == _userId)
            {
                if (job.State == ReportJobState.Done) Snackbar.Add(L["Reports.Ready", job.Result!.FileName], Severity.Success);
                else Snackbar.Add(L["Reports.FailedNotice", job.Period.ToString(), job.Error ?? ""], Severity.Error);
            }
        }
        StateHasChanged();
        await Task.CompletedTask;
    });

    public void Dispose() => Queue.Changed -= OnJobChanged;
}
