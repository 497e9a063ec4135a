using Bunit;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Identity;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Complaints;

/// <summary>The ownership panel on the detail page (R34): owner shown, hand-over offered, answered by the named user.</summary>
public sealed class OwnershipPanelTests : ComponentTestBase
{
    private static readonly Actor Expert = new("expert-id", "赵敏");

    private async Task AddUsersAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        foreach (var (role, id, user, name) in new[] { (Roles.Agent, Agent.Id, "agent", Agent.Name), (Roles.Expert, Expert.Id, "expert", Expert.Name), (Roles.QualityInspector, "inspector-id", "inspector", "郑洁") })
        {
            db.Roles.Add(new IdentityRole(role) { Id = "role-" + role, NormalizedName = role.ToUpperInvariant() });
            db.Users.Add(new AppUser { Id = id, UserName = user, NormalizedUserName = user.ToUpperInvariant(), DisplayName = name });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = "role-" + role });
        }
        await db.SaveChangesAsync();
    }

    private async Task<(IRenderedComponent<OwnershipPanel> Cut, Func<Task<Complaint>> Reload)> RenderAsync(Complaint complaint)
    {
        await AddUsersAsync();
        var id = await StoreAsync(complaint);
        var queries = Services.GetService<ComplaintQueries>()!;
        var loaded = (await queries.DetailAsync(id))!;
        Render<MudPopoverProvider>();
        IRenderedComponent<OwnershipPanel>? cut = null;
        cut = Render<OwnershipPanel>(p => p
            .Add(x => x.Complaint, loaded)
            .Add(x => x.Changed, async () =>
            {
                var fresh = (await queries.DetailAsync(id))!;
                cut!.Render(q => q.Add(x => x.Complaint, fresh));
            }));
        return (cut, async () => (await queries.DetailAsync(id))!);
    }

    private Complaint OwnedBy(Actor owner)
    {
        var complaint = Complaint.Receive(new NewComplaint
        {
            Channel = Channel.Phone,
            Complainant = new Complainant { Name = "张三", Phone = "13812341234", Province = "北京", City = "北京" },
            Respondent = new Respondent { Kind = RespondentKind.Merchant, Name = "示例商家" },
            ProductLine = "电商",
            ProblemSubType = ProblemSubType.Copyright,
            Title = "盗版内容",
            Description = "店铺销售盗版图书。",
            Demands = "下架",
        }, "TS-20261128-00077", owner, owner, Now.AddHours(-1));
        complaint.MoveTo(ComplaintStatus.Accepted, owner, Now.AddMinutes(-50));
        return complaint;
    }

    [Fact]
    public async Task R34_the_owner_sees_their_name_and_offers_a_hand_over_to_a_handler_which_then_shows_as_pending()
    {
        var (cut, reload) = await RenderAsync(OwnedBy(Agent));
        Assert.Contains(Agent.Name, cut.Find("[data-testid=owner-name]").TextContent, StringComparison.Ordinal);

        // Only handling roles are offered (not the inspector), and never the owner.
        var items = cut.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([Expert.Id], items);

        cut.Find("[data-testid=handover-offer]").Click();
        cut.WaitForAssertion(() => Assert.Equal("请选择接手的人。", cut.Find("[data-testid=ownership-error]").TextContent.Trim()));

        var select = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(Expert.Id));
        cut.Find("[data-testid=handover-offer]").Click();
        cut.WaitForAssertion(() => Assert.Equal("请说明移交的理由。", cut.Find("[data-testid=ownership-error]").TextContent.Trim()));
        Assert.False((await reload()).HasPendingHandOver);

        cut.Find("textarea[data-testid=handover-reason]").Change("涉及版权争议，需要专家处理");
        cut.Find("[data-testid=handover-offer]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Expert.Name, cut.Find("[data-testid=handover-pending]").TextContent, StringComparison.Ordinal));
        var stored = await reload();
        Assert.Equal((Agent.Id, Expert.Id), (stored.OwnerId, stored.HandOverToId));
        Assert.Empty(cut.FindAll("[data-testid=handover-accept]")); // the owner is not the one to accept
    }

    [Fact]
    public async Task R34_the_offered_user_sees_accept_and_decline_and_accepting_makes_them_the_owner()
    {
        var complaint = OwnedBy(Expert);
        complaint.OfferHandOver(Expert, Agent, "回到一线客服跟进", Now.AddMinutes(-10));
        var (cut, reload) = await RenderAsync(complaint);
        Assert.Contains("回到一线客服跟进", cut.Find("[data-testid=handover-pending]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=handover-offer]"));

        cut.Find("[data-testid=handover-accept]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Agent.Name, cut.Find("[data-testid=owner-name]").TextContent, StringComparison.Ordinal));
        var stored = await reload();
        Assert.Equal(Agent.Id, stored.OwnerId);
        Assert.False(stored.HasPendingHandOver);
        Assert.Equal("Owner", stored.Timeline.OrderBy(e => e.Id).Last().Field);
    }

    [Fact]
    public async Task R34_declining_leaves_the_owner_in_place()
    {
        var complaint = OwnedBy(Expert);
        complaint.OfferHandOver(Expert, Agent, "workload", Now.AddMinutes(-10));
        var (cut, reload) = await RenderAsync(complaint);

        cut.Find("textarea[data-testid=handover-decline-reason]").Change("本周休假");
        cut.Find("[data-testid=handover-decline]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=handover-pending]")));
        var stored = await reload();
        Assert.Equal(Expert.Id, stored.OwnerId);
        Assert.Equal(("HandOverDeclined", "本周休假"), (stored.Timeline.OrderBy(e => e.Id).Last().Field, stored.Timeline.OrderBy(e => e.Id).Last().Note));
    }
}
