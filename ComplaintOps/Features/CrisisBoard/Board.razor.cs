using System.Globalization;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using ComplaintOps.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;

namespace ComplaintOps.Features.CrisisBoard;

/// <summary>
/// The crisis board (R10, R31, B1, B2). Subscribes in-process to the change feed (the same events the hub sends)
/// and re-reads its view from the database on each burst of changes; re-reads everything when the browser
/// reconnects, so nothing is missed during a gap.
/// </summary>
public sealed partial class Board
{
    [Inject] private BoardQueries Queries { get; set; } = null!;
    [Inject] private BoardChangeFeed Feed { get; set; } = null!;
    [Inject] private AlarmService Alarms { get; set; } = null!;
    [Inject] private BoardConnection Connection { get; set; } = null!;
    [Inject] private BusinessTime Time { get; set; } = null!;
    [Inject] private IOptions<CrisisBoardOptions> Options { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private IStringLocalizer<SharedResource> Localizer { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = null!;

    private BoardSnapshot? _snapshot;
    private IReadOnlyList<AssignableUser> _assignable = [];
    private readonly HashSet<int> _highlighted = [];
    private IDisposable? _subscription;
    private bool _ready;
    private string? _error;
    private ElementReference _root;
    private IJSObjectReference? _module;

    // Sound cue (§3): off until the user turns it on (remembered in the browser). The mark is the highest alarm id this
    // board has seen: only alarms above it are new, so a reload or a resync never sounds for alarms already there.
    private bool _soundOn;
    private long? _alarmMark;

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private int _pending;

    // Pushes arrive on the publisher's thread: render them in the culture the user chose, not the server's default.
    private CultureInfo _culture = CultureInfo.CurrentCulture;
    private CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected override async Task OnInitializedAsync()
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        _subscription = Feed.Subscribe(OnChangesAsync);
        Connection.Changed += OnConnectionChangedAsync;
        var snapshot = await Queries.LoadAsync();
        await _refreshGate.WaitAsync();
        try
        {
            TakeNewCritical(snapshot);
        }
        finally
        {
            _refreshGate.Release();
        }
        _snapshot ??= snapshot;
        _assignable = await Alarms.AssignableUsersAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        try
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/board.js");
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("watchReconnect");
                _soundOn = await _module.InvokeAsync<string>("soundPreference") == "on";
            }
        }
        catch (JSException)
        {
            // The board works without the reconnect helper; Blazor still reconnects by itself.
        }
        catch (InvalidOperationException)
        {
            // Prerendering or a test renderer: no JavaScript.
        }
        _ready = true;
        StateHasChanged();
    }

    private Task OnChangesAsync(IReadOnlyList<BoardChange> changes)
    {
        foreach (var c in changes.Where(c => c.HighRisk && c.ComplaintId is not null))
            lock (_highlighted) _highlighted.Add(c.ComplaintId!.Value);
        return RefreshAsync();
    }

    private Task OnConnectionChangedAsync(bool connected) => connected ? RefreshAsync() : Task.CompletedTask;

    /// <summary>Coalesces bursts: one refresh runs at a time and at most one more is queued behind it.</summary>
    public async Task RefreshAsync()
    {
        if (Interlocked.Increment(ref _pending) > 2)
        {
            Interlocked.Decrement(ref _pending);
            return;
        }
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await _refreshGate.WaitAsync();
        try
        {
            var snapshot = await Queries.LoadAsync();
            var cues = TakeNewCritical(snapshot);
            var before = _snapshot?.HighRisk.Select(r => r.Id).ToHashSet() ?? [];
            lock (_highlighted)
            {
                foreach (var r in snapshot.HighRisk.Where(r => !before.Contains(r.Id) && _snapshot is not null))
                    _highlighted.Add(r.Id);
                // Bounded for a board open all day: only rows still on the board stay highlighted.
                _highlighted.IntersectWith(snapshot.HighRisk.Select(r => r.Id));
            }
            await InvokeAsync(() =>
            {
                _snapshot = snapshot;
                StateHasChanged();
            });
            if (cues.Count > 0 && _soundOn) await InvokeAsync(() => CueAsync(cues));
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away while refreshing.
        }
        finally
        {
            _refreshGate.Release();
            Interlocked.Decrement(ref _pending);
        }
    }

    /// <summary>The new critical, unacknowledged alarms in this snapshot (none on the first one); moves the mark. Call inside the gate.</summary>
    private List<long> TakeNewCritical(BoardSnapshot snapshot)
    {
        var max = snapshot.Alarms.Count == 0 ? 0 : snapshot.Alarms.Max(a => a.Id);
        if (_alarmMark is not { } mark)
        {
            _alarmMark = max;
            return [];
        }
        _alarmMark = Math.Max(mark, max);
        return snapshot.Alarms.Where(a => a.Id > mark && a.Severity == AlarmSeverity.Critical && !a.Acknowledged).Select(a => a.Id).ToList();
    }

    private async Task CueAsync(List<long> alarmIds)
    {
        if (_module is null) return;
        try
        {
            foreach (var id in alarmIds) await _module.InvokeVoidAsync("criticalCue", id);
        }
        catch (JSException)
        {
            // No sound (no Web Audio in this browser): the visual cue remains.
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; it re-reads on reconnect without sounding for what it missed.
        }
        catch (TaskCanceledException)
        {
            // The circuit is going away.
        }
    }

    private async Task ToggleSoundAsync()
    {
        _soundOn = !_soundOn;
        if (_module is null) return;
        try
        {
            await _module.InvokeVoidAsync("setSound", _soundOn);
        }
        catch (JSException)
        {
            // Storage refused: the choice holds for this page.
        }
    }

    private async Task AcknowledgeAsync(AcknowledgeRequest request)
    {
        var user = (await Auth).User;
        try
        {
            await Alarms.AcknowledgeAsync(request.AlarmId, CurrentActor.From(user), request.Note, request.AssignTo);
            _error = null;
        }
        catch (DomainException ex)
        {
            var key = $"Error.{ex.Code}";
            _error = Localizer[key] is { ResourceNotFound: false } text ? text.Value : ex.Message;
        }
        await RefreshAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        Connection.Changed -= OnConnectionChangedAsync;
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone already.
            }
        }
        _refreshGate.Dispose();
    }
}
