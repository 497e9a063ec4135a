using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Audit;
using ComplaintOps.Features.Handling;
using ComplaintOps.Features.Handling.Investigation;
using ComplaintOps.Features.Handling.ProductPolicies;
using ComplaintOps.Features.Identity;
using ComplaintOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ComplaintOps.Tests.Features.Handling.HandlingTestData;

namespace ComplaintOps.Tests.Features.Handling;

/// <summary>R18 look-ups on the case view: past complaints of the same person and about the same respondent, policies; every look logged (R28, R29).</summary>
public sealed class CaseLookupsTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;
    private readonly CaseLookups _lookups;

    public CaseLookupsTests(AppFactory app)
    {
        _app = app;
        _ = app.CreateClient();
        _lookups = app.Services.GetRequiredService<CaseLookups>();
    }

    private async Task<int> AuditCountAsync(string action, string subject)
    {
        await using var db = _app.OpenDb();
        return await db.AuditEntries.CountAsync(e => e.Action == action && e.Subject == subject);
    }

    [Fact]
    public async Task R18_past_complaints_of_the_same_phone_and_respondent_are_counted_and_listed_masked_newest_first()
    {
        var first = await StoreAsync(_app, "INV-HIST-0001", phone: "13900001111", respondent: "历史测试商家", name: "林小红");
        var second = await StoreAsync(_app, "INV-HIST-0002", phone: "13900001111", respondent: "另一家商家", name: "林小红");
        var other = await StoreAsync(_app, "INV-HIST-0003", phone: "13700002222", respondent: "历史测试商家", name: "王大锤");
        var current = await StoreAsync(_app, "INV-HIST-0004", phone: "13900001111", respondent: "历史测试商家", name: "林小红");

        var counts = await _lookups.CountsAsync(current);
        Assert.Equal(new HistoryCount(2, false), counts.SameComplainant);
        Assert.Equal(new HistoryCount(2, false), counts.SameRespondent);

        var history = await _lookups.ListAsync(current, Expert, "核实用户是否多次投诉同类问题");
        Assert.Equal([second.Id, first.Id], history.SameComplainant.Select(r => r.Id));
        Assert.Equal([other.Id, first.Id], history.SameRespondent.Select(r => r.Id));
        var stranger = history.SameRespondent.Single(r => r.Id == other.Id);
        Assert.Equal("王**", stranger.ComplainantMasked);
        Assert.Equal("137****2222", stranger.PhoneMasked);
        Assert.DoesNotContain(history.SameRespondent, r => r.ComplainantMasked.Contains("大锤", StringComparison.Ordinal));
    }

    [Fact]
    public async Task R18_R28_listing_the_history_needs_a_purpose_and_each_look_is_audited_with_it()
    {
        var current = await StoreAsync(_app, "INV-HIST-0010", phone: "13900003333");

        var refused = await Assert.ThrowsAsync<DomainException>(() => _lookups.ListAsync(current, Expert, " "));
        Assert.Equal("PurposeRequired", refused.Code);
        Assert.Equal(0, await AuditCountAsync(HandlingPolicies.ViewComplaintHistory, current.TrackingNumber));

        await _lookups.ListAsync(current, Expert, "判断是否为重复投诉");
        await _lookups.ListAsync(current, Expert, "再次查看");

        await using var db = _app.OpenDb();
        var entries = await db.AuditEntries.Where(e => e.Action == HandlingPolicies.ViewComplaintHistory && e.Subject == current.TrackingNumber).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["判断是否为重复投诉", "再次查看"], entries.Select(e => e.Purpose));
        Assert.All(entries, e => Assert.Equal(Expert.Id, e.ActorId));
        Assert.Null(await _app.Services.GetRequiredService<AuditTrail>().VerifyAsync());
    }

    [Fact]
    public async Task R29_revealing_a_person_in_the_history_is_for_reveal_roles_only_for_listed_complaints_and_audited()
    {
        var past = await StoreAsync(_app, "INV-HIST-0020", phone: "13600004444", respondent: "揭示测试商家", name: "钱多多");
        var unrelated = await StoreAsync(_app, "INV-HIST-0021", phone: "13600005555", respondent: "无关商家", name: "孙悟空");
        var current = await StoreAsync(_app, "INV-HIST-0022", phone: "13600006666", respondent: "揭示测试商家", name: "李四");
        var expert = Principal(Expert, Roles.Expert);

        Assert.Equal("PurposeRequired", (await Assert.ThrowsAsync<DomainException>(() => _lookups.RevealAsync(current, past.Id, expert, ""))).Code);
        Assert.Equal("RevealNotAllowed", (await Assert.ThrowsAsync<DomainException>(() =>
            _lookups.RevealAsync(current, past.Id, Principal(new Actor("insp", "郑洁"), Roles.QualityInspector), "抽检"))).Code);
        Assert.Equal("NotInHistory", (await Assert.ThrowsAsync<DomainException>(() => _lookups.RevealAsync(current, unrelated.Id, expert, "好奇"))).Code);
        Assert.Equal(0, await AuditCountAsync(AuditTrail.RevealPersonalData, past.TrackingNumber));

        var person = await _lookups.RevealAsync(current, past.Id, expert, "联系前一位投诉人核实商家行为");
        Assert.Equal(new RevealedPerson("钱多多", "13600004444"), person);

        await using var db = _app.OpenDb();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditTrail.RevealPersonalData && e.Subject == past.TrackingNumber);
        Assert.Contains("联系前一位投诉人核实商家行为", entry.Purpose, StringComparison.Ordinal);
        Assert.Contains(current.TrackingNumber, entry.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R18_the_applicable_policy_of_the_product_line_is_the_active_library_text()
    {
        var store = _app.Services.GetRequiredService<ProductPolicyStore>();
        var seeded = await store.ForProductLineAsync("电商平台");
        Assert.NotEmpty(seeded);

        var admin = await UserAsync(_app, "admin");
        var id = await store.SaveAsync(null, "测试产品线", "会员退费规则", "开通 7 日内未使用可全额退费。", true, admin);
        Assert.Equal(["会员退费规则"], (await store.ForProductLineAsync("测试产品线")).Select(p => p.Title));
        Assert.Contains("测试产品线", await store.ProductLinesAsync());

        await store.SaveAsync(id, "测试产品线", "会员退费规则", "已废止", false, admin);
        Assert.Empty(await store.ForProductLineAsync("测试产品线"));
        Assert.Single(await store.AllForProductLineAsync("测试产品线"));
        Assert.Equal("PolicyTextRequired", (await Assert.ThrowsAsync<DomainException>(() => store.SaveAsync(null, "测试产品线", "", "x", true, admin))).Code);
    }
}
