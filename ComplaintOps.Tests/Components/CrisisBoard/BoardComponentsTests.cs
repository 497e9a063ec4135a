using System.Globalization;
using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.AnswerRate;
using ComplaintOps.Features.CrisisBoard;
using ComplaintOps.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintOps.Tests.Components.CrisisBoard;

/// <summary>R31, B1: the board's parts render given state, and the page updates on a change event.</summary>
public sealed class BoardComponentsTests : ComponentTestBase
{
    public BoardComponentsTests()
    {
        var config = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "appsettings.json")).Build();
        Services.AddAnswerRate();
        Services.AddCrisisBoard(config);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
    }

    private static AlarmRow Alarm(long id, AlarmSeverity severity, bool acked, EscalationLevel level = EscalationLevel.Supervisor) => new(
        id, AlarmKind.NewHighRisk, severity, 7, "TS-20261128-00007", null, new DateTime(2026, 11, 28, 2, 0, 0, DateTimeKind.Utc), "摘要",
        acked ? "吴刚" : null, acked ? new DateTime(2026, 11, 28, 2, 5, 0, DateTimeKind.Utc) : null, acked ? "已联系" : null, null, level, null, null);

    [Fact]
    public void B1_satisfaction_tiles_say_no_answers_yet_and_colour_figures_against_the_target()
    {
        var empty = Render<SatisfactionTiles>(p => p.Add(x => x.Snapshot, SatisfactionSnapshot.None));
        foreach (var key in new[] { "Today", "Week", "Month" })
        {
            var tile = empty.Find($"[data-testid=satisfaction-{key}]");
            Assert.Equal("none", tile.GetAttribute("data-meets"));
            Assert.Contains("暂无满意度回复", tile.TextContent, StringComparison.Ordinal);
        }

        var figures = Render<SatisfactionTiles>(p => p
            .Add(x => x.Snapshot, new SatisfactionSnapshot(new(100, 95), new(100, 80), new(0, 0)))
            .Add(x => x.Target, 0.9));
        Assert.Equal("True", figures.Find("[data-testid=satisfaction-Today]").GetAttribute("data-meets"));
        Assert.Equal("False", figures.Find("[data-testid=satisfaction-Week]").GetAttribute("data-meets"));
        Assert.Equal("none", figures.Find("[data-testid=satisfaction-Month]").GetAttribute("data-meets"));
    }

    [Fact]
    public void B1_conformance_rows_are_red_below_target_and_blank_without_data()
    {
        var cut = Render<ConformancePanel>(p => p.Add(x => x.Rows, new List<ConformanceRow>
        {
            new("FirstReply", "R15", 1.0, false, 0.9, 10),
            new("AnswerRate", "R14", 0.85, true, 0.9, 200),
            new("LetterReply", "R16", 1.0, false, null, 0),
        }));
        Assert.Equal("False", cut.Find("[data-testid=conformance-FirstReply]").GetAttribute("data-meets"));
        Assert.Contains("mud-error-text", cut.Find("[data-testid=conformance-FirstReply] [data-testid=conformance-value]").ClassName, StringComparison.Ordinal);
        Assert.Equal("True", cut.Find("[data-testid=conformance-AnswerRate]").GetAttribute("data-meets"));
        Assert.Equal("none", cut.Find("[data-testid=conformance-LetterReply]").GetAttribute("data-meets"));
    }

    [Fact]
    public void R10_the_alarm_feed_marks_critical_alarms_and_shows_an_acknowledgement_when_it_comes_in()
    {
        Render<MudPopoverProvider>();
        var cut = Render<AlarmFeed>(p => p.Add(x => x.Alarms, new List<AlarmRow> { Alarm(1, AlarmSeverity.Critical, false), Alarm(2, AlarmSeverity.Warning, false) }));
        Assert.Contains("board-critical", cut.Find("[data-alarm='1']").ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("board-critical", cut.Find("[data-alarm='2']").ClassName, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("[data-testid=ack]").Count);

        cut.Render(p => p.Add(x => x.Alarms, new List<AlarmRow> { Alarm(1, AlarmSeverity.Critical, true, EscalationLevel.Manager), Alarm(2, AlarmSeverity.Warning, false) }));
        var acked = cut.Find("[data-alarm='1']");
        Assert.Equal("true", acked.GetAttribute("data-acknowledged"));
        Assert.DoesNotContain("board-critical", acked.ClassName, StringComparison.Ordinal);
        Assert.Contains("吴刚", cut.Find("[data-alarm='1'] [data-testid=alarm-ack]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-alarm='1'] [data-testid=alarm-escalated]"));
    }

    [Fact]
    public void R10_acknowledging_with_the_native_assign_select_passes_the_note_and_the_chosen_user()
    {
        AcknowledgeRequest? asked = null;
        var users = new List<AssignableUser> { new("u-1", "李娜", Tier.Expert), new("u-2", "周婷", Tier.Coach) };
        var cut = Render<AlarmFeed>(p => p
            .Add(x => x.Alarms, new List<AlarmRow> { Alarm(1, AlarmSeverity.Critical, false) })
            .Add(x => x.AssignableUsers, users)
            .Add(x => x.OnAcknowledge, (AcknowledgeRequest r) => asked = r));

        cut.Find("[data-testid=ack]").Click();
        cut.Find("input[data-testid=ack-note]").Change("已联系");
        var select = cut.Find("select[data-testid=ack-assign]");
        Assert.Contains("周婷", select.TextContent, StringComparison.Ordinal);
        select.Change("u-2");
        cut.Find("[data-testid=ack-confirm]").Click();

        Assert.NotNull(asked);
        Assert.Equal(1, asked.AlarmId);
        Assert.Equal("已联系", asked.Note);
        Assert.Equal(users[1], asked.AssignTo);
    }

    [Fact]
    public async Task R10_R31_the_board_page_shows_a_new_high_risk_complaint_highlighted_after_a_change_event()
    {
        Render<MudPopoverProvider>();
        var cut = Render<Board>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=board-counters]")), TimeSpan.FromSeconds(30));
        Assert.Equal("0", cut.Find("[data-testid=counter-HighRiskOpen] [data-testid=counter-value]").TextContent.Trim());

        var complaint = Complaint.Receive(new NewComplaint
        {
            Channel = Channel.App,
            Complainant = new Complainant { Name = "用户", Phone = "13500000001", Province = "浙江", City = "杭州" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
            ProductLine = "组件测试",
            ProblemSubType = ProblemSubType.Malfunction,
            Severity = ComplaintSeverity.HighRisk,
            HighRiskTriggers = HighRiskTriggers.DangerToLifeOrProperty,
            RiskLevel = RiskLevel.Critical,
            Title = "充电宝起火",
            Description = "充电时起火。",
            Demands = "赔偿",
        }, "TS-20261128-09001", Actor.System, TestComplaints.Owner, Now);
        await StoreAsync(complaint);

        // What the publisher does: hand the committed change to the open boards.
        var feed = Services.GetRequiredService<BoardChangeFeed>();
        Assert.True(feed.Reader.TryRead(out var changes));
        Assert.Contains(changes!, c => c.Kind == BoardChangeKind.ComplaintAdded && c.HighRisk);
        foreach (var subscriber in feed.Subscribers) await subscriber(changes!);

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=high-risk] tr[data-new=true]");
            Assert.Contains("TS-20261128-09001", row.TextContent, StringComparison.Ordinal);
            Assert.Equal("1", cut.Find("[data-testid=counter-HighRiskOpen] [data-testid=counter-value]").TextContent.Trim());
        }, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void R29_rows_rendered_as_one_fragment_still_encode_what_users_typed()
    {
        const string Typed = "<img src=x onerror=alert(1)>退款 & \"赔偿\"";
        var due = new DateTime(2026, 11, 28, 6, 0, 0, DateTimeKind.Utc);
        var list = Render<HighRiskList>(p => p
            .Add(x => x.Rows, [new HighRiskRow(5, "TS-20261128-00005", Typed, RiskLevel.Critical, ComplaintStatus.Accepted, "<b>王强</b>", null, Tier.Expert, due, due, null)])
            .Add(x => x.Highlighted, new HashSet<int> { 5 })
            .Add(x => x.Now, due.AddHours(-1)));
        var row = list.Find("[data-testid=high-risk] tr[data-complaint='5']");
        Assert.Equal("true", row.GetAttribute("data-new"));
        Assert.Contains(Typed, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("<b>王强</b>", row.TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll("[data-testid=high-risk] img, [data-testid=high-risk] td b"));
        Assert.Equal("/complaints/5", list.Find("[data-testid=high-risk-number]").GetAttribute("href"));

        var acked = Alarm(9, AlarmSeverity.Critical, acked: true) with { Summary = Typed, AcknowledgeNote = "<i>已处理</i>" };
        var feed = Render<AlarmFeed>(p => p.Add(x => x.Alarms, [acked]));
        var alarm = feed.Find("[data-testid=alarm]");
        Assert.Contains(Typed, alarm.TextContent, StringComparison.Ordinal);
        Assert.Contains("<i>已处理</i>", feed.Find("[data-testid=alarm-ack]").TextContent, StringComparison.Ordinal);
        Assert.Empty(feed.FindAll("[data-testid=alarm] img, [data-testid=alarm] i"));
    }

    private async Task<long> RaiseAsync(AlarmSeverity severity, string key)
    {
        var alarm = AlarmEvent.Raise(AlarmKind.SlaBreach, severity, Now, $"组件测试告警 {key}", key: key);
        Assert.Equal(1, await Services.GetRequiredService<AlarmService>().RaiseAsync([alarm]));
        return alarm.Id;
    }

    /// <summary>What the publisher does: hand the committed changes to the open boards.</summary>
    private async Task PushAsync()
    {
        var feed = Services.GetRequiredService<BoardChangeFeed>();
        while (feed.Reader.TryRead(out var changes))
            foreach (var subscriber in feed.Subscribers) await subscriber(changes);
    }

    private IRenderedComponent<Board> RenderBoard(string soundPreference, out BunitJSModuleInterop module)
    {
        module = JSInterop.SetupModule("./js/board.js");
        module.Mode = JSRuntimeMode.Loose;
        module.Setup<string>("soundPreference").SetResult(soundPreference);
        Render<MudPopoverProvider>();
        var cut = Render<Board>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=board][data-ready=true] [data-testid=board-counters]")), TimeSpan.FromSeconds(30));
        return cut;
    }

    [Fact]
    public async Task R10_R31_a_new_critical_alarm_sounds_the_cue_once_and_neither_a_warning_nor_alarms_already_there_do()
    {
        var existing = await RaiseAsync(AlarmSeverity.Critical, "sound-existing");
        var cut = RenderBoard("on", out var module);
        cut.WaitForAssertion(() => Assert.Equal("on", cut.Find("[data-testid=board-sound]").GetAttribute("data-sound")));
        Assert.NotNull(cut.Find($"[data-alarm='{existing}']"));

        var warning = await RaiseAsync(AlarmSeverity.Warning, "sound-warning");
        await PushAsync();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-alarm='{warning}']")), TimeSpan.FromSeconds(30));
        module.VerifyNotInvoke("criticalCue");

        var critical = await RaiseAsync(AlarmSeverity.Critical, "sound-critical");
        await PushAsync();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-alarm='{critical}']")), TimeSpan.FromSeconds(30));
        cut.WaitForAssertion(() => Assert.Single(module.Invocations["criticalCue"]), TimeSpan.FromSeconds(30));
        Assert.Equal(critical, module.Invocations["criticalCue"].Single().Arguments.Single());

        // A resync (the connection came back) re-reads the same alarms: no second cue.
        await cut.Instance.RefreshAsync();
        Assert.Single(module.Invocations["criticalCue"]);
    }

    [Fact]
    public async Task R10_R31_a_muted_board_gives_no_sound_until_the_toggle_turns_it_on_and_remembers_the_choice()
    {
        var cut = RenderBoard("off", out var module);
        var toggle = cut.Find("[data-testid=board-sound]");
        Assert.Equal("off", toggle.GetAttribute("data-sound"));
        Assert.Equal("false", toggle.GetAttribute("aria-pressed"));
        Assert.Contains("声音提示：关", toggle.TextContent, StringComparison.Ordinal);

        var muted = await RaiseAsync(AlarmSeverity.Critical, "muted-critical");
        await PushAsync();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-alarm='{muted}']")), TimeSpan.FromSeconds(30));
        Assert.Contains("board-critical", cut.Find($"[data-alarm='{muted}']").ClassName, StringComparison.Ordinal);
        module.VerifyNotInvoke("criticalCue");

        cut.Find("[data-testid=board-sound]").Click();
        Assert.Equal("on", cut.Find("[data-testid=board-sound]").GetAttribute("data-sound"));
        Assert.True((bool)module.VerifyInvoke("setSound").Arguments.Single()!);

        var loud = await RaiseAsync(AlarmSeverity.Critical, "loud-critical");
        await PushAsync();
        cut.WaitForAssertion(() => Assert.Single(module.Invocations["criticalCue"]), TimeSpan.FromSeconds(30));
        Assert.Equal(loud, module.Invocations["criticalCue"].Single().Arguments.Single());
    }
}
