using System.Globalization;
using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Attachments;
using ComplaintOps.Features.Intake;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Intake;

/// <summary>The agent's intake form for each channel, its checks, and the first-contact outcomes.</summary>
public sealed class AgentIntakeFormTests : ComponentTestBase
{
    private static readonly string PngDataUrl =
        "data:image/png;base64," + Convert.ToBase64String([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 73, 72, 68, 82]);

    private IRenderedComponent<AgentIntake> RenderForm()
    {
        Render<MudPopoverProvider>();
        return Render<AgentIntake>();
    }

    private static void Type(IRenderedComponent<AgentIntake> cut, string testId, string value) =>
        cut.Find($"input[data-testid={testId}], textarea[data-testid={testId}]").Change(value);

    private static async Task PickAsync<T>(IRenderedComponent<AgentIntake> cut, string testId, T value)
    {
        var select = cut.FindComponents<MudSelect<T>>().Single(s => Equals(s.Instance.UserAttributes.GetValueOrDefault("data-testid"), testId));
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }

    private static async Task ChooseOutcomeAsync(IRenderedComponent<AgentIntake> cut, FirstContactOutcome outcome)
    {
        var group = cut.FindComponent<MudRadioGroup<FirstContactOutcome>>();
        await cut.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync(outcome));
    }

    /// <summary>Everything every channel needs.</summary>
    private static async Task FillCommonAsync(IRenderedComponent<AgentIntake> cut)
    {
        Type(cut, "name", "王芳");
        Type(cut, "phone", "139 1234 5678");
        await PickAsync(cut, "province", "浙江");
        Type(cut, "city", "杭州");
        Type(cut, "respondent-name", "优品家电旗舰店");
        Type(cut, "product-line", "电商平台");
        await PickAsync<ProblemType?>(cut, "problem-type", ProblemType.ConsumerRights);
        await PickAsync<ProblemSubType?>(cut, "problem-subtype", ProblemSubType.ReturnOrRefund);
        Type(cut, "title", "退款未到账");
        Type(cut, "description", "商家同意退款后十天仍未到账。\n多次联系无果。");
        Type(cut, "demands", "尽快退款");
    }

    private static void Save(IRenderedComponent<AgentIntake> cut) => cut.Find("form[data-testid=intake-form]").Submit();

    private async Task<Complaint> SavedAsync(IRenderedComponent<AgentIntake> cut)
    {
        var nav = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches(@"/complaints/\d+$", nav.Uri), TimeSpan.FromSeconds(10));
        var id = int.Parse(nav.Uri[(nav.Uri.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Complaints.AsNoTracking().Include(c => c.Timeline).SingleAsync(c => c.Id == id);
    }

    private async Task AssertNothingSavedAsync(IRenderedComponent<AgentIntake> cut, string field, string message)
    {
        cut.WaitForAssertion(() => Assert.Contains(message, cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("请先修正标出的字段，尚未保存任何内容。", cut.Find("[data-testid=intake-error]").TextContent.Trim());
        _ = field;
        await using var db = await DbFactory.CreateDbContextAsync();
        Assert.Equal(0, await db.Complaints.CountAsync());
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R1_R27_R34_a_phone_complaint_is_saved_with_the_call_record_accepted_and_owned_by_the_agent()
    {
        var cut = RenderForm();
        Assert.Contains("通话", cut.Find("[data-testid=channel-hint]").TextContent, StringComparison.Ordinal);
        await FillCommonAsync(cut);
        Type(cut, "record", "10:02 来电，用户称订单 8812 退款十天未到账，已核对订单信息。");

        Save(cut);

        var saved = await SavedAsync(cut);
        Assert.Equal(Channel.Phone, saved.Channel);
        Assert.Equal(ComplaintStatus.Accepted, saved.Status);
        Assert.Equal((Agent.Id, Agent.Name), (saved.OwnerId, saved.OwnerName));
        Assert.Equal(Agent.Id, saved.HandlerId);
        Assert.Equal(ProblemType.ConsumerRights, saved.ProblemType);
        Assert.Equal("139 1234 5678", saved.Complainant.Phone);
        Assert.Null(saved.Complainant.IdNumber);
        Assert.Contains(saved.Timeline, e => e.Kind == TimelineEventKind.Note && e.Note!.Contains("订单 8812", StringComparison.Ordinal));
        Assert.Equal(Now, saved.ReceivedAtUtc);
    }

    [Fact]
    public async Task R27_a_phone_complaint_without_the_call_record_is_refused_and_nothing_is_saved()
    {
        var cut = RenderForm();
        await FillCommonAsync(cut);

        Save(cut);

        await AssertNothingSavedAsync(cut, "record", "电话投诉须详细记录通话内容。");
    }

    [Fact]
    public async Task An_empty_form_names_each_missing_field_in_plain_words()
    {
        var cut = RenderForm();

        Save(cut);

        await AssertNothingSavedAsync(cut, "name", "请填写投诉人姓名。");
        foreach (var message in new[] { "请填写投诉人电话。", "请选择省份。", "请选择问题类型。", "请选择问题子类。", "请描述投诉内容。", "请填写用户的诉求。" })
            Assert.Contains(message, cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R27_an_on_site_visit_needs_the_visitors_signature()
    {
        var module = JSInterop.SetupModule("./js/signature-pad.js");
        module.SetupVoid("init", _ => true).SetVoidResult();
        module.Setup<string?>("toDataUrl", _ => true).SetResult(null);
        var cut = RenderForm();
        cut.Find("[data-testid=channel-OnSiteVisit]").Click();
        await FillCommonAsync(cut);

        Save(cut);

        await AssertNothingSavedAsync(cut, "signature", "现场来访须由来访人签名确认。");
        Assert.Equal("现场来访须由来访人签名确认。", cut.Find("[data-testid=signature-error]").TextContent.Trim());
    }

    [Fact]
    public async Task R27_an_on_site_visit_signed_on_screen_keeps_the_signature_as_a_png_with_the_complaint()
    {
        var module = JSInterop.SetupModule("./js/signature-pad.js");
        module.SetupVoid("init", _ => true).SetVoidResult();
        module.Setup<string?>("toDataUrl", _ => true).SetResult(PngDataUrl);
        var cut = RenderForm();
        cut.Find("[data-testid=channel-OnSiteVisit]").Click();
        await FillCommonAsync(cut);
        Type(cut, "record", "用户到访前台，出示订单截图。");

        Save(cut);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=intake-error]").Select(e => e.TextContent)), TimeSpan.FromSeconds(3));

        var saved = await SavedAsync(cut);
        Assert.Equal(Channel.OnSiteVisit, saved.Channel);
        await using var db = await DbFactory.CreateDbContextAsync();
        var signature = await db.Attachments.SingleAsync(a => a.ComplaintId == saved.Id);
        Assert.Equal((AttachmentKind.Signature, "image/png", Agent.Id), (signature.Kind, signature.ContentType, signature.UploadedBy));
    }

    [Fact]
    public async Task R16_a_letter_shows_its_due_date_before_saving_and_the_clock_counts_from_the_day_it_arrived()
    {
        var cut = RenderForm();
        cut.Find("[data-testid=channel-Letter]").Click();
        // Today is Saturday 2026-11-28: 15 working days from Monday 11-30 end on Friday 12-18.
        Assert.Equal("答复截止：2026-12-18（15 个工作日）", cut.Find("[data-testid=letter-due-preview]").TextContent.Trim());

        var picker = cut.FindComponent<MudDatePicker>();
        await cut.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 20)));
        // Arrived Friday 11-20: counting starts Monday 11-23 and ends Friday 12-11.
        Assert.Equal("答复截止：2026-12-11（15 个工作日）", cut.Find("[data-testid=letter-due-preview]").TextContent.Trim());
        await FillCommonAsync(cut);

        Save(cut);

        var saved = await SavedAsync(cut);
        Assert.Equal(Channel.Letter, saved.Channel);
        Assert.Equal(TestClock.Shanghai(2026, 11, 20), saved.ReceivedAtUtc);
        Assert.Equal(TestClock.Shanghai(2026, 12, 12), saved.LetterReplyDueUtc);
        Assert.Equal(Now, saved.Timeline[0].AtUtc);
    }

    [Fact]
    public async Task R27_a_letters_scanned_pages_are_kept_with_the_complaint_and_other_files_are_refused()
    {
        var cut = RenderForm();
        cut.Find("[data-testid=channel-Letter]").Click();
        await FillCommonAsync(cut);
        var pdf = "%PDF-1.4 scanned page"u8.ToArray();
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(pdf, "letter-page-1.pdf", contentType: "application/pdf"),
            InputFileContent.CreateFromBinary([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2], "letter-page-2.png", contentType: "image/png"));
        Assert.Equal(["letter-page-1.pdf", "letter-page-2.png"], cut.FindAll("[data-testid=scanned-file]").Select(e => e.TextContent.Trim()));

        Save(cut);

        var saved = await SavedAsync(cut);
        await using var db = await DbFactory.CreateDbContextAsync();
        var pages = await db.Attachments.Where(a => a.ComplaintId == saved.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([("letter-page-1.pdf", AttachmentKind.ScannedLetter), ("letter-page-2.png", AttachmentKind.ScannedLetter)],
            pages.Select(a => (a.FileName, a.Kind)));
    }

    [Fact]
    public async Task R27_a_scanned_page_that_is_not_a_pdf_or_image_is_refused_in_plain_words()
    {
        var cut = RenderForm();
        cut.Find("[data-testid=channel-Letter]").Click();
        await FillCommonAsync(cut);
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromText("not a scan", "notes.txt"));

        Save(cut);

        cut.WaitForAssertion(() => Assert.Equal("只接受 PDF、PNG 和 JPEG 文件。", cut.Find("[data-testid=intake-error]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        await using var db = await DbFactory.CreateDbContextAsync();
        Assert.Equal(0, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task R16_a_letter_dated_in_the_future_is_refused()
    {
        var cut = RenderForm();
        cut.Find("[data-testid=channel-Letter]").Click();
        var picker = cut.FindComponent<MudDatePicker>();
        await cut.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 29)));
        await FillCommonAsync(cut);

        Save(cut);

        await AssertNothingSavedAsync(cut, "letter-received-on", "收到日期不能晚于今天。");
    }

    [Fact]
    public async Task R16_a_letter_older_than_30_days_is_refused()
    {
        var cut = RenderForm();
        cut.Find("[data-testid=channel-Letter]").Click();
        var picker = cut.FindComponent<MudDatePicker>();
        await cut.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(new DateTime(2026, 10, 28)));
        await FillCommonAsync(cut);

        Save(cut);

        await AssertNothingSavedAsync(cut, "letter-received-on", "收到日期不能早于 30 天前。");
    }

    [Fact]
    public async Task R15_an_email_complaint_needs_a_valid_address_and_gets_the_24_hour_first_reply_clock()
    {
        var cut = RenderForm();
        cut.Find("[data-testid=channel-Email]").Click();
        await FillCommonAsync(cut);

        Save(cut);
        await AssertNothingSavedAsync(cut, "email", "邮件投诉请填写投诉人的电子邮箱。");

        Type(cut, "email", "wang.fang@");
        Save(cut);
        cut.WaitForAssertion(() => Assert.Contains("电子邮箱格式不正确", cut.Find("[data-testid=intake-form]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(3));

        Type(cut, "email", "wang.fang@example.com");
        Save(cut);
        var saved = await SavedAsync(cut);
        Assert.Equal(Channel.Email, saved.Channel);
        Assert.Equal("wang.fang@example.com", saved.Complainant.Email);
        Assert.Equal(Now.AddHours(24), saved.FirstReplyDueUtc);
    }

    [Fact]
    public async Task R6_a_regulator_complaint_needs_its_source_name_and_reference_and_keeps_them()
    {
        var cut = RenderForm();
        cut.Find("[data-testid=channel-Regulator]").Click();
        await FillCommonAsync(cut);

        Save(cut);
        await AssertNothingSavedAsync(cut, "source", "请填写来源名称（如 12315）。");
        Assert.Contains("请填写来源的编号。", cut.Markup, StringComparison.Ordinal);

        Type(cut, "source-name", "12315");
        Type(cut, "source-reference", "ZJ-2026-11-0042");
        Save(cut);

        var saved = await SavedAsync(cut);
        Assert.Equal((Channel.Regulator, "12315", "ZJ-2026-11-0042"), (saved.Channel, saved.SourceName, saved.SourceReference));
    }

    [Fact]
    public async Task R11_solved_on_first_contact_needs_the_answer_and_then_closes_with_it_on_record()
    {
        var cut = RenderForm();
        await FillCommonAsync(cut);
        Type(cut, "record", "用户询问退款进度，已查询到账时间。");
        await ChooseOutcomeAsync(cut, FirstContactOutcome.SolvedOnFirstContact);

        Save(cut);
        await AssertNothingSavedAsync(cut, "outcome-text", "在线办结须填写给用户的答复。");

        Type(cut, "outcome-text", "退款已于今日原路退回，预计 1–3 个工作日到账。");
        Save(cut);

        var saved = await SavedAsync(cut);
        // Closed on first contact, then archived at once like every closure (R27).
        Assert.Equal(ComplaintStatus.Archived, saved.Status);
        Assert.Equal(ComplaintStatus.Closed, saved.ArchivedFrom);
        Assert.Equal("退款已于今日原路退回，预计 1–3 个工作日到账。", saved.Resolution);
        Assert.Equal(Agent.Id, saved.OwnerId);
        var close = Assert.Single(saved.Timeline, e => e.Kind == TimelineEventKind.StatusChanged && e.After == nameof(ComplaintStatus.Closed));
        Assert.Equal((nameof(ComplaintStatus.Received), nameof(ComplaintStatus.Closed)), (close.Before, close.After));
    }

    [Fact]
    public async Task R7_out_of_scope_needs_a_reason_and_is_kept_with_it()
    {
        var cut = RenderForm();
        await FillCommonAsync(cut);
        Type(cut, "record", "用户投诉的是其他公司的线下门店。");
        await ChooseOutcomeAsync(cut, FirstContactOutcome.OutOfScope);

        Save(cut);
        await AssertNothingSavedAsync(cut, "outcome-text", "不予受理须填写理由。");

        Type(cut, "outcome-text", "所投诉门店不属于本公司，已告知用户向当地市场监管部门反映。");
        Save(cut);

        var saved = await SavedAsync(cut);
        Assert.Equal(ComplaintStatus.Archived, saved.Status);
        Assert.Equal(ComplaintStatus.OutOfScope, saved.ArchivedFrom);
        Assert.Equal("所投诉门店不属于本公司，已告知用户向当地市场监管部门反映。", saved.Resolution);
        Assert.Equal(Agent.Id, saved.OwnerId);
    }

    [Fact]
    public async Task R9_the_sub_type_list_follows_the_problem_type_and_a_type_change_clears_a_foreign_sub_type()
    {
        var cut = RenderForm();
        var form = cut.Instance.M;
        Assert.True(cut.FindComponents<MudSelect<ProblemSubType?>>().Single().Instance.Disabled);

        await PickAsync<ProblemType?>(cut, "problem-type", ProblemType.IntellectualProperty);
        await PickAsync<ProblemSubType?>(cut, "problem-subtype", ProblemSubType.Trademark);
        var items = cut.FindComponents<MudSelectItem<ProblemSubType?>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([ProblemSubType.PatentOrKnowledge, ProblemSubType.Copyright, ProblemSubType.Trademark], items);

        await PickAsync<ProblemType?>(cut, "problem-type", ProblemType.Product);
        Assert.Null(form.ProblemSubType);
        items = cut.FindComponents<MudSelectItem<ProblemSubType?>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([ProblemSubType.Account, ProblemSubType.Malfunction, ProblemSubType.PoorExperience], items);
    }

    [Fact]
    public void Multi_line_fields_are_text_areas_so_Enter_adds_a_line_and_every_field_has_a_label()
    {
        var cut = RenderForm();

        foreach (var id in new[] { "description", "demands", "record" })
            Assert.NotNull(cut.Find($"textarea[data-testid={id}]"));
        foreach (var input in cut.FindAll("input[data-testid], textarea[data-testid]"))
        {
            if (input.Closest("label") is not null) continue; // radio buttons sit inside their label
            var id = input.GetAttribute("id");
            Assert.False(string.IsNullOrEmpty(id), $"{input.GetAttribute("data-testid")} has no id");
            Assert.NotNull(cut.Find($"label[for='{id}']"));
        }
    }

    [Fact]
    public async Task B4_the_form_and_its_messages_are_in_english_for_english_users()
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var cut = RenderForm();
            Assert.Contains("Record a complaint", cut.Markup, StringComparison.Ordinal);
            await FillCommonAsync(cut);
            Save(cut);
            cut.WaitForAssertion(() => Assert.Contains("A phone complaint needs a detailed record of the call.", cut.Markup, StringComparison.Ordinal));
            Assert.Equal("Please correct the marked fields. Nothing has been saved yet.", cut.Find("[data-testid=intake-error]").TextContent.Trim());
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
