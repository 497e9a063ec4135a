using ComplaintOps.Data;
using ComplaintOps.Data.Seeding;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Features.Archive;
using ComplaintOps.Features.Calendars;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Intake;
using ComplaintOps.Features.Resolution;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintOps.Tests.Features.Resolution;

/// <summary>The resolution flows on the real host and database: each closure path, the ledger, the outbox and the archive.</summary>
public sealed class ResolutionFlowTests(AppFactory app) : IClassFixture<AppFactory>
{
    private ResolutionCommands Commands => Services.GetRequiredService<ResolutionCommands>();
    private ComplaintQueries Queries => Services.GetRequiredService<ComplaintQueries>();
    private ArchiveQueries Archive => Services.GetRequiredService<ArchiveQueries>();
    private IServiceProvider Services { get { _ = _client.Value; return app.Services; } }
    private readonly Lazy<HttpClient> _client = new(app.CreateClient);

    private async Task<Actor> UserAsync(string userName)
    {
        await using var db = app.OpenDb();
        var u = await db.Users.SingleAsync(x => x.UserName == userName);
        return new Actor(u.Id, u.DisplayName);
    }

    /// <summary>A fresh complaint owned and handled by the expert, moved to <paramref name="status"/>.</summary>
    private async Task<Complaint> CaseInAsync(ComplaintStatus status, string respondent = "优品家电旗舰店")
    {
        var expert = await UserAsync("expert");
        var intake = Services.GetRequiredService<IntakeService>();
        var c = await intake.ReceiveAsync(new NewComplaint
        {
            Channel = Channel.Phone,
            Complainant = new Complainant { Name = "王芳", Phone = "13912345678", Province = "浙江", City = "杭州" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = respondent },
            ProductLine = "电商平台",
            ProblemSubType = ProblemSubType.ReturnOrRefund,
            Title = "退款未到账 " + Guid.NewGuid().ToString("N")[..6],
            Description = "商家同意退款后十天仍未到账。" + Guid.NewGuid(),
            Demands = "尽快退款",
        }, expert, expert);
        var commands = Services.GetRequiredService<ComplaintCommands>();
        var version = c.Version;
        foreach (var step in new[] { ComplaintStatus.Investigating, ComplaintStatus.Resolving })
        {
            if (c.Status == status) break;
            version = await commands.MoveAsync(c.Id, version, step, null, expert);
            if (step == ComplaintStatus.Investigating)
                version = await commands.ChangeAsync(c.Id, version, x => x.RecordInvestigation("退款流程卡在商家审核", "货款 ¥320 十天未退", "尽快退款", expert, app.Clock.GetUtcNow().UtcDateTime), default);
            c = (await Queries.DetailAsync(c.Id))!;
        }
        Assert.Equal(status, c.Status);
        return c;
    }

    private async Task<Complaint> ReloadAsync(int id) => (await Queries.DetailAsync(id))!;

    private async Task<Complaint> AwaitingAnswersAsync(Actor expert)
    {
        var c = await CaseInAsync(ComplaintStatus.Resolving);
        var v = await Commands.ProposeSolutionAsync(c.Id, c.Version, "商家全额退款 1500 元。", expert);
        await Commands.SendResultAsync(c.Id, v, OutboundChannel.Sms, "您好，商家将全额退款 1500 元。", OutboundChannel.Internet, "请于两日内退款 1500 元。", expert);
        return await ReloadAsync(c.Id);
    }

    [Fact]
    public async Task R22_R24_R25_R27_agreed_and_carried_out_closes_and_archives_with_an_intact_snapshot()
    {
        var expert = await UserAsync("expert");
        var supervisor = await UserAsync("supervisor");
        var c = await CaseInAsync(ComplaintStatus.Resolving);
        var v = await Commands.ProposeCompensationAsync(c.Id, c.Version, 1_500_00, CompensationKind.Refund, "商家拖延退款", expert);
        v = await Commands.ProposeCompensationAsync(c.Id, v, 20_00, CompensationKind.Coupon, "补偿", expert);
        var pending = await Services.GetRequiredService<ResolutionQueries>().PendingApprovalsAsync(0, 200);
        var above = Assert.Single(pending.Rows, r => r.ComplaintId == c.Id);
        Assert.Equal(1_500_00, above.AmountCents);
        await Commands.DecideCompensationAsync(above.Id, true, "同意", ApproverRole.Supervisor, supervisor);

        c = await ReloadAsync(c.Id);
        v = await Commands.ProposeSolutionAsync(c.Id, c.Version, "退款 1500 元并补偿 20 元券。", expert);
        v = await Commands.SendResultAsync(c.Id, v, OutboundChannel.Sms, "您好，商家将退款 1500 元并补偿 20 元券。", OutboundChannel.Internet, "请两日内退款。", expert);
        await Assert.ThrowsAsync<DomainException>(() => Commands.CloseAsync(c.Id, v, expert));
        v = await Commands.RecordPartyResponseAsync(c.Id, v, OutboundParty.Complainant, true, "接受", expert);
        v = await Commands.RecordPartyResponseAsync(c.Id, v, OutboundParty.Respondent, true, null, expert);
        v = await Commands.RecordCarriedOutAsync(c.Id, v, "已原路退款", expert);
        await Commands.CloseAsync(c.Id, v, expert);

        c = await ReloadAsync(c.Id);
        Assert.Equal(ComplaintStatus.Archived, c.Status);
        Assert.Equal(ComplaintStatus.Closed, c.ArchivedFrom);
        var check = (await Archive.CheckAsync(c.Id))!;
        Assert.True(check.Intact);
        Assert.Equal(c.ArchiveSha256, check.Record.SnapshotSha256);
        Assert.Contains("\"status\": \"Closed\"", check.Record.SnapshotJson, StringComparison.Ordinal);
        Assert.Contains("\"amountCents\": 150000", check.Record.SnapshotJson, StringComparison.Ordinal);
        Assert.Contains("\"complainantAgrees\": \"Agree\"", check.Record.SnapshotJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R25_R27_no_agreement_refers_with_the_outside_route_and_archives()
    {
        var expert = await UserAsync("expert");
        var c = await AwaitingAnswersAsync(expert);
        var v = await Commands.RecordPartyResponseAsync(c.Id, c.Version, OutboundParty.Complainant, false, "要求三倍赔偿", expert);

        await Commands.ReferAsync(c.Id, v, OutsideRoute.ConsumerAssociation, "已告知可向当地消费者协会投诉", OutboundChannel.Sms, "双方未达成一致，您可向当地消费者协会反映。", expert);

        c = await ReloadAsync(c.Id);
        Assert.Equal((ComplaintStatus.Archived, ComplaintStatus.Referred, OutsideRoute.ConsumerAssociation), (c.Status, c.ArchivedFrom, c.ReferralRoute));
        Assert.True((await Archive.CheckAsync(c.Id))!.Intact);
    }

    [Fact]
    public async Task R20_R27_not_established_sends_the_reasoned_reply_and_archives()
    {
        var expert = await UserAsync("expert");
        var c = await CaseInAsync(ComplaintStatus.Investigating);
        var empty = await Assert.ThrowsAsync<DomainException>(() => Commands.DeclareNotEstablishedAsync(c.Id, c.Version, OutboundChannel.Sms, " ", expert));
        Assert.Equal("OutboundTextRequired", empty.Code);

        await Commands.DeclareNotEstablishedAsync(c.Id, c.Version, OutboundChannel.Sms, "经核实，退款已于 11 月 20 日原路退回，请查收银行流水。", expert);

        c = await ReloadAsync(c.Id);
        Assert.Equal((ComplaintStatus.Archived, ComplaintStatus.NotEstablished), (c.Status, c.ArchivedFrom));
        await using var db = app.OpenDb();
        // (The survey invitation, R26, is the other text sent on archiving.)
        var reply = await db.OutboundMessages.SingleAsync(m => m.ComplaintId == c.Id && m.Kind != OutboundKind.SurveyInvitation);
        Assert.Equal((OutboundKind.NotEstablishedReply, OutboundParty.Complainant), (reply.Kind, reply.Recipient));
        Assert.EndsWith("—— 投诉处理专员 服务专家 0203", reply.Text, StringComparison.Ordinal);
        Assert.Equal(reply.Text, c.Resolution);
    }

    [Fact]
    public async Task R11_R27_a_first_contact_close_at_intake_is_archived_with_its_snapshot()
    {
        var agent = await UserAsync("agent");
        var intake = Services.GetRequiredService<IntakeService>();
        var c = await intake.ReceiveAtConsoleAsync(new NewComplaint
        {
            Channel = Channel.Phone,
            Complainant = new Complainant { Name = "赵雷", Phone = "13700001111", Province = "江苏", City = "南京" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "某某书店" },
            ProductLine = "电商平台",
            ProblemSubType = ProblemSubType.ShippingFeeDispute,
            Title = "运费疑问",
            Description = "询问运费为何收取两次。" + Guid.NewGuid(),
            Demands = "解释",
        }, agent, new ConsoleDecision(FirstContactOutcome.SolvedOnFirstContact, "第二笔为退货运费险，已说明。"));

        c = await ReloadAsync(c.Id);
        Assert.Equal((ComplaintStatus.Archived, ComplaintStatus.Closed), (c.Status, c.ArchivedFrom));
        var check = (await Archive.CheckAsync(c.Id))!;
        Assert.True(check.Intact);
        var found = await Archive.SearchAsync(new ArchiveFilter(c.TrackingNumber), 0, 10);
        Assert.Equal(c.Id, Assert.Single(found.Rows).Id);
        var byPhone = await Archive.SearchAsync(new ArchiveFilter("1111", "某某书店"), 0, 10);
        Assert.Contains(byPhone.Rows, r => r.Id == c.Id);
    }

    [Fact]
    public async Task R27_a_tampered_snapshot_is_detected()
    {
        var expert = await UserAsync("expert");
        var c = await CaseInAsync(ComplaintStatus.Investigating);
        await Commands.DeclareNotEstablishedAsync(c.Id, c.Version, OutboundChannel.Sms, "经核实不成立，依据为物流签收记录。", expert);
        Assert.True((await Archive.CheckAsync(c.Id))!.Intact);

        await using (var db = app.OpenDb())
        {
            // Someone edits the stored snapshot behind the app's back (not a complaint row).
            await db.Database.ExecuteSqlRawAsync("UPDATE ArchiveRecords SET SnapshotJson = replace(SnapshotJson, '王芳', '李四') WHERE ComplaintId = {0}", c.Id);
        }
        Assert.False((await Archive.CheckAsync(c.Id))!.Intact);

        await using (var db = app.OpenDb())
        {
            // ...and recomputes the stored hash: the hash on the complaint's record still differs.
            var record = await db.ArchiveRecords.AsNoTracking().SingleAsync(r => r.ComplaintId == c.Id);
            await db.Database.ExecuteSqlRawAsync("UPDATE ArchiveRecords SET SnapshotSha256 = {0} WHERE ComplaintId = {1}", ArchiveRecord.Hash(record.SnapshotJson), c.Id);
        }
        Assert.False((await Archive.CheckAsync(c.Id))!.Intact);
    }

    [Fact]
    public async Task R27_an_archived_case_cannot_be_changed_through_any_command_or_at_save()
    {
        var expert = await UserAsync("expert");
        var c = await CaseInAsync(ComplaintStatus.Investigating);
        await Commands.DeclareNotEstablishedAsync(c.Id, c.Version, OutboundChannel.Sms, "经核实不成立。", expert);
        c = await ReloadAsync(c.Id);

        Assert.Equal("CaseArchived", (await Assert.ThrowsAsync<DomainException>(() => Services.GetRequiredService<ComplaintCommands>().AddNoteAsync(c.Id, c.Version, "补充", expert))).Code);
        Assert.Equal("CaseFinished", (await Assert.ThrowsAsync<DomainException>(() => Commands.RecordProgressFeedbackAsync(c.Id, c.Version, OutboundChannel.Phone, "进展", expert))).Code);
        Assert.Equal("CaseArchived", (await Assert.ThrowsAsync<DomainException>(() => Commands.ArchiveAsync(c.Id, c.Version, expert))).Code);

        // A write that skips the domain (a field set through EF) is refused at save.
        await using var db = app.OpenDb();
        var tracked = await db.Complaints.SingleAsync(x => x.Id == c.Id);
        db.Entry(tracked).Property(x => x.Title).CurrentValue = "改过的标题";
        Assert.Equal("CaseArchived", (await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync())).Code);
        // And the snapshot row itself is never updated through the app.
        var record = await db.ArchiveRecords.SingleAsync(r => r.ComplaintId == c.Id);
        db.Entry(tracked).State = EntityState.Unchanged;
        db.Entry(record).Property(x => x.SnapshotJson).CurrentValue = "{}";
        Assert.Equal("ArchiveImmutable", (await Assert.ThrowsAsync<DomainException>(() => db.SaveChangesAsync())).Code);
        Assert.Equal(c.Version, (await ReloadAsync(c.Id)).Version);
    }

    [Fact]
    public async Task R17_progress_feedback_with_a_channel_restarts_the_clock_and_is_signed_in_the_outbox()
    {
        var expert = await UserAsync("expert");
        var c = await CaseInAsync(ComplaintStatus.Investigating);
        var before = c.ProgressFeedbackDueUtc;
        // Saturday → the next Tuesday: two working days from Tuesday end on Thursday, later than the due time set at acceptance.
        app.Clock.Advance(TimeSpan.FromDays(3));

        await Commands.RecordProgressFeedbackAsync(c.Id, c.Version, OutboundChannel.Phone, "已联系商家，预计明天给出方案。", expert);

        c = await ReloadAsync(c.Id);
        Assert.True(c.ProgressFeedbackDueUtc > before);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(now, c.LastProgressFeedbackAtUtc);
        Assert.Equal(Services.GetRequiredService<WorkingCalendarService>().Clock.EndOfWorkingDays(now, 2), c.ProgressFeedbackDueUtc);
        var e = c.Timeline[^1];
        Assert.Equal((TimelineEventKind.FeedbackGiven, "ProgressFeedback", "Phone"), (e.Kind, e.Field, e.After));
        Assert.EndsWith("服务专家 0203", e.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R30_no_text_the_console_sent_carries_any_handlers_real_name_phone_or_email()
    {
        var expert = await UserAsync("expert");
        // Produce one of every outbound kind.
        var a = await CaseInAsync(ComplaintStatus.Investigating);
        var v = await Commands.RecordProgressFeedbackAsync(a.Id, a.Version, OutboundChannel.Sms, "正在核实。", expert);
        await Commands.DeclareNotEstablishedAsync(a.Id, v, OutboundChannel.Sms, "经核实不成立。", expert);
        var b = await AwaitingAnswersAsync(expert);
        v = await Commands.RecordPartyResponseAsync(b.Id, b.Version, OutboundParty.Respondent, false, "不同意", expert);
        await Commands.ReferAsync(b.Id, v, OutsideRoute.Court, "已告知可向人民法院起诉", OutboundChannel.Phone, "您可通过法律途径解决。", expert);
        // And a text that names the handler is refused, whoever's name it is.
        var c = await CaseInAsync(ComplaintStatus.Investigating);
        var leak = await Assert.ThrowsAsync<DomainException>(() => Commands.RecordProgressFeedbackAsync(c.Id, c.Version, OutboundChannel.Sms, "赵敏正在处理您的投诉", expert));
        Assert.Equal("AliasLeak", leak.Code);

        await using var db = app.OpenDb();
        var staff = await db.Users.Select(u => new HandlerIdentity(u.Id, u.WorkAlias, u.DisplayName, u.PhoneNumber, u.Email)).ToListAsync();
        var texts = await db.OutboundMessages.ToListAsync();
        Assert.Equal(Enum.GetValues<OutboundKind>().ToHashSet(), texts.Select(t => t.Kind).ToHashSet());
        Assert.All(texts, t =>
        {
            Assert.Empty(AliasLeakCheck.Find(t.Text, staff));
            Assert.Contains(t.SignedAlias, t.Text, StringComparison.Ordinal);
        });
        Assert.Contains(texts, t => t.Recipient == OutboundParty.Respondent);
    }

    [Fact]
    public async Task R22_totals_group_approved_amounts_by_month_product_line_and_respondent()
    {
        var expert = await UserAsync("expert");
        var c1 = await CaseInAsync(ComplaintStatus.Resolving, respondent: "合计测试店");
        var c2 = await CaseInAsync(ComplaintStatus.Resolving, respondent: "合计测试店");
        await Commands.ProposeCompensationAsync(c1.Id, c1.Version, 50_00, CompensationKind.Cash, "延误", expert);
        await Commands.ProposeCompensationAsync(c2.Id, c2.Version, 120_50, CompensationKind.Refund, "延误", expert);
        c2 = await ReloadAsync(c2.Id);
        await Commands.ProposeCompensationAsync(c2.Id, c2.Version, 9_999_00, CompensationKind.Cash, "待批", expert); // pending: not in totals

        var totals = await Services.GetRequiredService<ResolutionQueries>().TotalsAsync(202601);

        var today = Services.GetRequiredService<ComplaintOps.Infrastructure.BusinessTime>().Today;
        var row = Assert.Single(totals, t => t.RespondentName == "合计测试店");
        Assert.Equal((today.Year * 100 + today.Month, "电商平台", 2, 170_50L), (row.MonthKey, row.ProductLine, row.Count, row.AmountCents));
    }

    [Theory]
    [InlineData("agent", "/approvals")]
    [InlineData("expert", "/approvals")]
    [InlineData("inspector", "/approvals")]
    [InlineData("agent", "/archive")]
    [InlineData("liaison", "/archive")]
    public async Task R28_approvals_and_archive_pages_refuse_other_roles(string user, string path) =>
        await SignIn.AssertRefusedAsync(app, user, path);

    [Theory]
    [InlineData("supervisor", "/approvals")]
    [InlineData("manager", "/approvals")]
    [InlineData("inspector", "/archive")]
    [InlineData("manager", "/archive")]
    public async Task R28_approvals_and_archive_pages_open_for_their_roles(string user, string path)
    {
        var client = await SignIn.AsAsync(app, user);
        var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
