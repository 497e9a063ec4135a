using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Features.Identity;
using ComplaintOps.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace ComplaintOps.Features.Quality;

public sealed partial class PlansPage
{
    [Inject] private QualityService Quality { get; set; } = default!;
    [Inject] private BusinessTime Time { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<SamplingPlan>? _plans;
    private IReadOnlyList<SamplingDraw>? _draws;
    private DateOnly _week;
    private DrawResult? _drawn;
    private string? _drawError;
    private bool _busy;

    private long? _editing;
    private string? _name;
    private int _percent = 10;
    private int _seed;
    private int _threshold = 2;
    private bool _allHighRisk = true;
    private bool _allLowSatisfaction = true;
    private bool _allReferred = true;
    private bool _active = true;
    private string? _formError;

    protected override async Task OnInitializedAsync()
    {
        // Last week by default: a whole week of closed cases.
        _week = Sampler.WeekStart(Time.Today).AddDays(-7);
        _seed = Time.Today.DayNumber;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _plans = await Quality.PlansAsync();
        _draws = await Quality.RecentDrawsAsync();
    }

    private string RulesText(SamplingPlan p)
    {
        var parts = new List<string>();
        if (p.RandomPercent > 0) parts.Add(string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Quality.Plans.RandomRule"], p.RandomPercent));
        if (p.AllHighRisk) parts.Add(L["Quality.Plans.AllHighRisk"]);
        if (p.AllLowSatisfaction) parts.Add(string.Format(System.Globalization.CultureInfo.CurrentCulture, L["Quality.Plans.LowSatRule"], p.LowSatisfactionThreshold));
        if (p.AllReferred) parts.Add(L["Quality.Plans.AllReferred"]);
        return string.Join("；", parts);
    }

    private void Edit(SamplingPlan p)
    {
        _editing = p.Id;
        _name = p.Name;
        _percent = p.RandomPercent;
        _seed = p.Seed;
        _threshold = p.LowSatisfactionThreshold;
        _allHighRisk = p.AllHighRisk;
        _allLowSatisfaction = p.AllLowSatisfaction;
        _allReferred = p.AllReferred;
        _active = p.Active;
        _formError = null;
    }

    private void Reset()
    {
        _editing = null;
        _name = null;
        _percent = 10;
        _threshold = 2;
        _allHighRisk = _allLowSatisfaction = _allReferred = _active = true;
        _formError = null;
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            await Quality.SavePlanAsync(_editing, new PlanInput(_name ?? "", _percent, _allHighRisk, _allLowSatisfaction, _threshold, _allReferred, _seed, _active),
                CurrentActor.From((await Auth).User));
            Reset();
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            _formError = QualityUi.Message(L, ex);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DrawAsync(long planId)
    {
        _busy = true;
        try
        {
            _drawn = await Quality.DrawWeekAsync(planId, _week, CurrentActor.From((await Auth).User));
            _drawError = null;
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            _drawn = null;
            _drawError = QualityUi.Message(L, ex);
        }
        finally
        {
            _busy = false;
        }
    }
}
