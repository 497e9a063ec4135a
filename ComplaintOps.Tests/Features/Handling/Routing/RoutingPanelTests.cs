using Bunit;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Handling.Routing;
using ComplaintOps.Features.Identity;
using ComplaintOps.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Handling.Routing;

/// <summary>The routing panel on the detail page: handler and tier for everyone, the reassign dialog for supervisors (R19, R34).</summary>
public sealed class RoutingPanelTests : ComponentTestBase
{
    private static readonly Actor Expert = new("expert-id", "赵敏");

    private async Task<int> StoreAsync()
    {
        await using (var db = await DbFactory.CreateDbContextAsync())
        {
            foreach (var (role, id, user, name) in new[] { (Roles.Agent, Agent.Id, "agent", Agent.Name), (Roles.Expert, Expert.Id, "expert", Expert.Name) })
            {
                db.Roles.Add(new IdentityRole(role) { Id = "role-" + role, NormalizedName = role.ToUpperInvariant() });
                db.Users.Add(new AppUser { Id = id, UserName = user, NormalizedUserName = user.ToUpperInvariant(), DisplayName = name });
                db.UserRoles.Add(new IdentityUserRole<string> { UserId = id, RoleId = "role-" + role });
            }
            await db.SaveChangesAsync();
        }
        var c = TestComplaints.Make("TS-20261128-94001", Now.AddHours(-1));
        c.AssignHandler(Actor.System, Now.AddHours(-1), Agent.Id, Agent.Name, Tier.Agent);
        return await StoreAsync(c);
    }

    private async Task<Complaint> LoadAsync(int id) => (await Services.GetRequiredService<ComplaintQueries>().DetailAsync(id))!;

    [Fact]
    public async Task R19_an_agent_sees_handler_and_tier_but_no_reassign()
    {
        var id = await StoreAsync();
        var loaded = await LoadAsync(id);
        var cut = Render<RoutingPanel>(p => p.Add(x => x.Complaint, loaded));
        Assert.Contains(Agent.Name, cut.Find("[data-testid=routing-handler]").TextContent, StringComparison.Ordinal);
        Assert.Contains("普通客服", cut.Find("[data-testid=routing-handler]").TextContent, StringComparison.Ordinal);
        Assert.Contains("由首次接触时受理的人办理", cut.Find("[data-testid=routing-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=reassign-open]"));
    }

    [Fact]
    public async Task R19_R34_a_supervisor_reassigns_in_the_dialog_with_a_reason_and_the_owner_stays()
    {
        var auth = (Bunit.TestDoubles.BunitAuthenticationStateProvider)Services.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>();
        auth.TriggerAuthenticationStateChanged("supervisor", [Roles.Supervisor],
            [new(System.Security.Claims.ClaimTypes.NameIdentifier, "super-id"), new(CurrentActor.DisplayNameClaim, "吴刚")]);
        var id = await StoreAsync();
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var changed = 0;
        var loaded = await LoadAsync(id);
        var cut = Render<RoutingPanel>(p => p.Add(x => x.Complaint, loaded).Add(x => x.Changed, () => changed++));

        cut.Find("[data-testid=reassign-open]").Click();
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=reassign-save]")));
        // The current handler is not offered; the expert is, with tier and open workload.
        var items = provider.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value).ToList();
        Assert.Equal([Expert.Id], items);

        var select = provider.FindComponent<MudSelect<string>>();
        await provider.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(Expert.Id));
        provider.Find("[data-testid=reassign-save]").Click();
        provider.WaitForAssertion(() => Assert.Contains("改派原因", provider.Find("[data-testid=reassign-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal(Agent.Id, (await LoadAsync(id)).HandlerId);

        provider.Find("textarea[data-testid=reassign-reason]").Change("用户要求专家处理");
        provider.Find("[data-testid=reassign-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, changed));

        var stored = await LoadAsync(id);
        Assert.Equal((Expert.Id, Tier.Expert), (stored.HandlerId, stored.Tier));
        Assert.Equal(TestComplaints.Owner.Id, stored.OwnerId);
        Assert.Contains(stored.Timeline, e => e.Kind == TimelineEventKind.Reassigned && e.Note == "用户要求专家处理" && e.ActorId == "super-id");
    }
}
