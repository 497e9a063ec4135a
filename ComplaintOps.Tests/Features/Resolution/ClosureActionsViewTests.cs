using Bunit;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Complaints;
using ComplaintOps.Features.Resolution;
using ComplaintOps.Tests.Support;
using MudBlazor;

namespace ComplaintOps.Tests.Features.Resolution;

/// <summary>The console offers no plain move into the closures that have their own flow (R20, R25, R27).</summary>
public sealed class ClosureActionsViewTests : ComponentTestBase
{
    private async Task<Complaint> StoredInAsync(params ComplaintStatus[] path)
    {
        var c = TestComplaints.Make("TS-20261128-00077", Now.AddHours(-3));
        var at = Now.AddHours(-2);
        foreach (var step in path)
        {
            at = at.AddMinutes(5);
            c.MoveTo(step, Agent, at, "理由");
        }
        var id = await StoreAsync(c);
        return (await Services.GetService<ComplaintQueries>()!.DetailAsync(id))!;
    }

    [Fact]
    public async Task R25_awaiting_feedback_offers_back_to_resolving_but_no_plain_close_or_referral()
    {
        var c = await StoredInAsync(ComplaintStatus.Accepted, ComplaintStatus.Investigating, ComplaintStatus.Resolving, ComplaintStatus.AwaitingFeedback);
        Render<MudPopoverProvider>();

        var cut = Render<ComplaintActions>(p => p.Add(x => x.Complaint, c));

        Assert.Single(cut.FindAll("[data-testid=move-Resolving]"));
        Assert.Empty(cut.FindAll("[data-testid=move-Closed]"));
        Assert.Empty(cut.FindAll("[data-testid=move-Referred]"));
        var panel = Render<ResolutionPanel>(p => p.Add(x => x.Complaint, c));
        Assert.Single(panel.FindAll("[data-testid=party-answers]"));
        Assert.Empty(panel.FindAll("[data-testid=close-case]")); // nobody has agreed yet
    }

    [Fact]
    public async Task R20_investigating_offers_not_established_only_with_the_reasoned_reply()
    {
        var c = await StoredInAsync(ComplaintStatus.Accepted, ComplaintStatus.Investigating);
        Render<MudPopoverProvider>();

        var cut = Render<ComplaintActions>(p => p.Add(x => x.Complaint, c));
        var panel = Render<ResolutionPanel>(p => p.Add(x => x.Complaint, c));

        Assert.Empty(cut.FindAll("[data-testid=move-NotEstablished]"));
        Assert.Single(panel.FindAll("[data-testid=not-established-reply]"));
        Assert.Single(panel.FindAll("[data-testid=declare-not-established]"));
    }

    [Fact]
    public async Task R27_an_archived_case_shows_no_actions_only_its_archive()
    {
        var c = await StoredInAsync(ComplaintStatus.OutOfScope, ComplaintStatus.Archived);
        Render<MudPopoverProvider>();

        var cut = Render<ComplaintActions>(p => p.Add(x => x.Complaint, c));
        var panel = Render<ResolutionPanel>(p => p.Add(x => x.Complaint, c));

        Assert.Empty(cut.FindAll("[data-testid=complaint-actions]"));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=archived-readonly]")));
        Assert.Empty(panel.FindAll("[data-testid=resolution-panel]"));
    }
}
