using ComplaintOps.Domain.Complaints;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain;

/// <summary>First-contact responsibility (首问负责制, R34): owner from receipt, formal hand-over only.</summary>
public sealed class OwnershipTests
{
    private static readonly Actor Expert = new("expert-1", "Expert One");

    private static (Complaint Complaint, DateTime At) Accepted()
    {
        var complaint = In(ComplaintStatus.Accepted);
        return (complaint, complaint.Timeline[^1].AtUtc.AddMinutes(5));
    }

    [Fact]
    public void R34_the_owner_is_given_at_receipt_and_stays_when_someone_else_accepts()
    {
        var complaint = Complaint.Receive(NewComplaint(), "TS-1", Actor.System, OtherAgent, Shanghai("2026-11-27 09:00"));
        Assert.Equal(OtherAgent.Id, complaint.OwnerId);
        Assert.Equal(OtherAgent.Name, complaint.OwnerName);

        complaint.MoveTo(ComplaintStatus.Accepted, Agent, Shanghai("2026-11-27 09:10"));

        Assert.Equal(OtherAgent.Id, complaint.OwnerId);
        Assert.Equal(Agent.Id, complaint.HandlerId);
    }

    [Theory]
    [InlineData("", "Someone")]
    [InlineData("  ", "Someone")]
    [InlineData("u-1", "")]
    public void R34_receiving_with_a_blank_owner_is_refused(string id, string name)
    {
        var error = Assert.Throws<DomainException>(() =>
            Complaint.Receive(NewComplaint(), "TS-1", Agent, new Actor(id, name), Shanghai("2026-11-27 09:00")));
        Assert.Equal("OwnerRequired", error.Code);
    }

    [Fact]
    public void R34_receiving_with_a_null_owner_is_refused()
    {
        // The signature makes the owner non-nullable; this is what a caller that suppresses the warning gets.
        Assert.Throws<ArgumentNullException>(() => Complaint.Receive(NewComplaint(), "TS-1", Agent, null!, Shanghai("2026-11-27 09:00")));
    }

    [Fact]
    public void R34_the_owner_offers_the_named_user_accepts_and_becomes_owner_with_timeline_entries()
    {
        var (complaint, at) = Accepted();
        var before = complaint.Timeline.Count;

        complaint.OfferHandOver(Agent, Expert, "需要专家处理知识产权争议", at);

        Assert.True(complaint.HasPendingHandOver);
        Assert.Equal(Expert.Id, complaint.HandOverToId);
        Assert.Equal(Agent.Id, complaint.OwnerId); // still the owner while the offer waits
        var offered = complaint.Timeline[^1];
        Assert.Equal(("HandOverOffered", Agent.Name, Expert.Name, "需要专家处理知识产权争议", Agent.Id),
            (offered.Field, offered.Before, offered.After, offered.Note, offered.ActorId));

        complaint.AcceptHandOver(Expert, at.AddMinutes(1));

        Assert.Equal(Expert.Id, complaint.OwnerId);
        Assert.Equal(Expert.Name, complaint.OwnerName);
        Assert.False(complaint.HasPendingHandOver);
        var accepted = complaint.Timeline[^1];
        Assert.Equal(("Owner", Agent.Name, Expert.Name, Expert.Id), (accepted.Field, accepted.Before, accepted.After, accepted.ActorId));
        Assert.Equal(before + 2, complaint.Timeline.Count);
    }

    [Fact]
    public void R34_declining_keeps_the_owner_and_is_on_the_timeline()
    {
        var (complaint, at) = Accepted();
        complaint.OfferHandOver(Agent, Expert, "workload", at);

        complaint.DeclineHandOver(Expert, at.AddMinutes(1), "not my area");

        Assert.Equal(Agent.Id, complaint.OwnerId);
        Assert.False(complaint.HasPendingHandOver);
        var declined = complaint.Timeline[^1];
        Assert.Equal(("HandOverDeclined", Expert.Id, "not my area"), (declined.Field, declined.ActorId, declined.Note));
    }

    [Fact]
    public void R34_only_the_owner_or_a_supervisor_may_offer()
    {
        var (complaint, at) = Accepted();
        var before = complaint.Timeline.Count;

        var error = Assert.Throws<DomainException>(() => complaint.OfferHandOver(OtherAgent, Expert, "I want to move it", at));
        Assert.Equal("HandOverNotOwner", error.Code);
        Assert.False(complaint.HasPendingHandOver);
        Assert.Equal(before, complaint.Timeline.Count);

        complaint.OfferHandOver(Supervisor, Expert, "rebalancing the team", at, bySupervisor: true);
        Assert.Equal(Expert.Id, complaint.HandOverToId);
        Assert.Equal(Supervisor.Id, complaint.Timeline[^1].ActorId);
    }

    [Fact]
    public void R34_only_the_named_user_may_accept_or_decline()
    {
        var (complaint, at) = Accepted();
        complaint.OfferHandOver(Agent, Expert, "expert case", at);

        Assert.Equal("HandOverNotOffered", Assert.Throws<DomainException>(() => complaint.AcceptHandOver(OtherAgent, at)).Code);
        Assert.Equal("HandOverNotOffered", Assert.Throws<DomainException>(() => complaint.DeclineHandOver(Agent, at)).Code);
        Assert.Equal("HandOverNotOffered", Assert.Throws<DomainException>(() => complaint.AcceptHandOver(Supervisor, at)).Code);
        Assert.Equal(Agent.Id, complaint.OwnerId);
        Assert.True(complaint.HasPendingHandOver);
    }

    [Fact]
    public void R34_an_offer_needs_a_reason_another_person_and_no_offer_already_waiting()
    {
        var (complaint, at) = Accepted();

        Assert.Equal("HandOverReasonRequired", Assert.Throws<DomainException>(() => complaint.OfferHandOver(Agent, Expert, "  ", at)).Code);
        Assert.Equal("HandOverToOwner", Assert.Throws<DomainException>(() => complaint.OfferHandOver(Agent, Agent, "me", at)).Code);
        complaint.OfferHandOver(Agent, Expert, "first", at);
        Assert.Equal("HandOverPending", Assert.Throws<DomainException>(() => complaint.OfferHandOver(Agent, OtherAgent, "second", at)).Code);
        Assert.Equal("NoHandOverPending", Assert.Throws<DomainException>(() =>
        {
            complaint.AcceptHandOver(Expert, at);
            complaint.AcceptHandOver(Expert, at);
        }).Code);
    }

    [Fact]
    public void R16_a_letter_received_earlier_counts_from_its_arrival_but_not_from_the_future_or_beyond_30_days()
    {
        var now = Shanghai("2026-11-27 09:00");
        var arrived = Shanghai("2026-11-20 00:00");
        var letter = NewComplaint(Channel.Letter) with { ReceivedAtUtc = arrived };

        var complaint = Complaint.Receive(letter, "TS-1", Agent, Agent, now);
        Assert.Equal(arrived, complaint.ReceivedAtUtc);
        Assert.Equal(now, complaint.Timeline[0].AtUtc); // recorded when typed in

        Assert.Equal("ReceivedInFuture", Assert.Throws<DomainException>(() =>
            Complaint.Receive(letter with { ReceivedAtUtc = now.AddMinutes(1) }, "TS-2", Agent, Agent, now)).Code);
        Assert.Equal("ReceivedTooOld", Assert.Throws<DomainException>(() =>
            Complaint.Receive(letter with { ReceivedAtUtc = now.AddDays(-30).AddMinutes(-1) }, "TS-3", Agent, Agent, now)).Code);
    }
}
