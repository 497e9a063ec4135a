using System.Globalization;
using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Quality;
using ComplaintOps.Features.Quality;
using ComplaintOps.Tests.Support;
using MudBlazor;

namespace ComplaintOps.Tests.Components.Quality;

/// <summary>R31: the scorecard shows timeliness and user evaluation as filled from the case, totals live with the weights, and a critical fail zeroes it.</summary>
public sealed class ScorecardComponentTests : ComponentTestBase
{
    private static readonly AutoFill Auto = new(Timeliness: 50, ClocksMet: 1, ClocksBreached: 1, ClocksRunning: 0, SatisfactionScore: 4, UserEvaluation: 80);

    private IRenderedComponent<ScorecardForm> RenderForm(Action<ScorecardInput>? submitted = null) =>
        Render<ScorecardForm>(p => p
            .Add(x => x.Weights, ScorecardWeights.Default)
            .Add(x => x.Auto, Auto)
            .Add(x => x.OnSubmit, input => submitted?.Invoke(input)));

    [Fact]
    public void R31_the_auto_filled_dimensions_are_shown_as_such_and_cannot_be_typed_in()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var cut = RenderForm();

        var timeliness = cut.Find("[data-dimension=Timeliness]");
        Assert.Equal("true", timeliness.GetAttribute("data-auto"));
        Assert.Equal("50", cut.Find("[data-testid=auto-Timeliness]").TextContent.Trim());
        Assert.Contains("自动填入", timeliness.TextContent, StringComparison.Ordinal);
        Assert.Contains("按时 1 项，超时 1 项", cut.Find("[data-testid=auto-why-Timeliness]").TextContent, StringComparison.Ordinal);
        Assert.Equal("80", cut.Find("[data-testid=auto-UserEvaluation]").TextContent.Trim());
        Assert.Empty(cut.FindAll("input[data-testid=score-Timeliness]"));
        Assert.Empty(cut.FindAll("input[data-testid=score-UserEvaluation]"));
        Assert.Single(cut.FindAll("input[data-testid=score-Knowledge]"));
        Assert.Equal("false", cut.Find("[data-dimension=Knowledge]").GetAttribute("data-auto"));
        // Weights are shown.
        Assert.Contains("20 %", cut.Find("[data-dimension=Knowledge]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void R31_the_total_follows_the_weights_live_and_a_critical_fail_sets_it_to_zero()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        ScorecardInput? sent = null;
        var cut = RenderForm(i => sent = i);
        Assert.Equal("—", cut.Find("[data-testid=scorecard-total]").GetAttribute("data-total"));

        foreach (var d in new[] { "Knowledge", "ProcessCompliance", "ResponseScript", "SystemOperation", "ServiceNorms" })
            cut.Find($"input[data-testid=score-{d}]").Change("100");

        // (80·100 + 10·50 + 10·80) / 100 = 93.0
        cut.WaitForAssertion(() => Assert.Equal("93.0", cut.Find("[data-testid=scorecard-total]").GetAttribute("data-total")));
        Assert.Contains("auto-filled", cut.Find("[data-dimension=UserEvaluation]").TextContent, StringComparison.Ordinal);

        var critical = cut.FindComponent<MudCheckBox<bool>>();
        cut.InvokeAsync(() => critical.Instance.ValueChanged.InvokeAsync(true));
        cut.WaitForAssertion(() => Assert.Equal("0.0", cut.Find("[data-testid=scorecard-total]").GetAttribute("data-total")));
        cut.Find("input[data-testid=critical-note]").Change("Leaked the user's phone number");

        cut.Find("[data-testid=scorecard-submit]").Click();
        Assert.NotNull(sent);
        Assert.True(sent!.CriticalFail);
        Assert.Equal("Leaked the user's phone number", sent.CriticalFailNote);
        Assert.Equal(100, sent.Scores.Single(s => s.Dimension == QualityDimension.Knowledge).Score);
        Assert.True(sent.Scores.Single(s => s.Dimension == QualityDimension.Timeliness).AutoFilled);
    }

    [Fact]
    public void R31_a_scored_card_shows_every_comment_the_auto_filled_marks_and_the_appeal()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var now = Clock.GetUtcNow().UtcDateTime;
        var handler = new Actor("h1", "李娜");
        var i = Inspection.Queue(1, "TS-9", false, handler, "Agent", InspectionKind.SpotCheck, SampleReason.Random, null, null, Agent, now);
        var card = Scorecard.Dimensions.Select(d => new DimensionScore(d, d == QualityDimension.ResponseScript ? 40 : 90,
            d == QualityDimension.ResponseScript ? "开场白不规范" : null, Scorecard.IsAutoFilled(d))).ToList();
        i.Score(new Actor("insp", "郑洁"), ScorecardWeights.Default, card, false, null, "整体良好", now);
        i.Appeal(handler, "开场白按新版话术", now);

        var cut = Render<ScorecardView>(p => p.Add(x => x.Inspection, i));

        Assert.Contains("开场白不规范", cut.Find("[data-dimension=ResponseScript]").TextContent, StringComparison.Ordinal);
        Assert.Contains("自动填入", cut.Find("[data-dimension=Timeliness]").TextContent, StringComparison.Ordinal);
        Assert.Equal("82.5", cut.Find("[data-testid=final-total]").GetAttribute("data-total"));
        Assert.Contains("开场白按新版话术", cut.Find("[data-testid=appeal-shown]").TextContent, StringComparison.Ordinal);
        Assert.Contains("整体良好", cut.Find("[data-testid=overall-comment-shown]").TextContent, StringComparison.Ordinal);
    }
}
