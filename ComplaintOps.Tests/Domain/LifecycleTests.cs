using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Sla;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain;

public sealed class LifecycleTests
{
    /// <summary>The lifecycle as the requirements describe it, written out independently of <see cref="Lifecycle"/>.</summary>
    private static readonly HashSet<(ComplaintStatus From, ComplaintStatus To)> Legal =
    [
        (ComplaintStatus.Received, ComplaintStatus.Accepted),
        (ComplaintStatus.Received, ComplaintStatus.Closed),          // R11 solved on first contact
        (ComplaintStatus.Received, ComplaintStatus.OutOfScope),      // R7
        (ComplaintStatus.Accepted, ComplaintStatus.Investigating),
        (ComplaintStatus.Accepted, ComplaintStatus.OutOfScope),      // R7
        (ComplaintStatus.Investigating, ComplaintStatus.Resolving),
        (ComplaintStatus.Investigating, ComplaintStatus.NotEstablished), // R20
        (ComplaintStatus.Resolving, ComplaintStatus.AwaitingFeedback),
        (ComplaintStatus.AwaitingFeedback, ComplaintStatus.Closed),  // R25 agreed
        (ComplaintStatus.AwaitingFeedback, ComplaintStatus.Referred), // R25 no agreement
        (ComplaintStatus.AwaitingFeedback, ComplaintStatus.Resolving),
        (ComplaintStatus.Closed, ComplaintStatus.Archived),
        (ComplaintStatus.Referred, ComplaintStatus.Archived),
        (ComplaintStatus.NotEstablished, ComplaintStatus.Archived),
        (ComplaintStatus.OutOfScope, ComplaintStatus.Archived),
    ];

    public static TheoryData<ComplaintStatus, ComplaintStatus, bool> AllPairs()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintStatus, bool>();
        foreach (var from in Enum.GetValues<ComplaintStatus>())
        {
            foreach (var to in Enum.GetValues<ComplaintStatus>())
                data.Add(from, to, Legal.Contains((from, to)));
        }
        return data;
    }

    [Fact]
    public void R7_R11_R20_R25_transition_table_enumerates_every_status_pair()
    {
        Assert.Equal(100, AllPairs().Count);
        Assert.Equal(15, Legal.Count);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void R7_R11_R20_R25_every_status_pair_moves_only_when_the_table_allows_it(ComplaintStatus from, ComplaintStatus to, bool legal)
    {
        var complaint = In(from);
        var before = complaint.Timeline.ToArray();
        var at = complaint.Timeline[^1].AtUtc.AddHours(1);

        Assert.Equal(legal, Lifecycle.CanMove(from, to));
        if (legal)
        {
            complaint.MoveTo(to, OtherAgent, at, "written reason");

            Assert.Equal(to, complaint.Status);
            Assert.Equal(before.Length + 1, complaint.Timeline.Count);
            Assert.Equal(before, complaint.Timeline.Take(before.Length));
            var added = complaint.Timeline[^1];
            Assert.Equal(TimelineEventKind.StatusChanged, added.Kind);
            Assert.Equal("Status", added.Field);
            Assert.Equal(from.ToString(), added.Before);
            Assert.Equal(to.ToString(), added.After);
            Assert.Equal(OtherAgent.Id, added.ActorId);
            Assert.Equal(OtherAgent.Name, added.ActorName);
            Assert.Equal(at, added.AtUtc);
            Assert.Equal(DateTimeKind.Utc, added.AtUtc.Kind);
            Assert.Equal("written reason", added.Note);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => complaint.MoveTo(to, OtherAgent, at, "written reason"));

            Assert.Equal("IllegalTransition", error.Code);
            Assert.Equal(from, complaint.Status);
            Assert.Equal(before, complaint.Timeline);
        }
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.OutOfScope, null)]      // R7
    [InlineData(ComplaintStatus.Received, ComplaintStatus.OutOfScope, "")]
    [InlineData(ComplaintStatus.Accepted, ComplaintStatus.OutOfScope, "   ")]
    [InlineData(ComplaintStatus.Investigating, ComplaintStatus.NotEstablished, null)] // R20
    [InlineData(ComplaintStatus.Investigating, ComplaintStatus.NotEstablished, " \t ")]
    [InlineData(ComplaintStatus.AwaitingFeedback, ComplaintStatus.Referred, null)]   // R25
    [InlineData(ComplaintStatus.AwaitingFeedback, ComplaintStatus.Referred, "")]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Closed, null)]              // R11
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Closed, "  ")]
    public void R7_R11_R20_R25_ending_without_a_written_reason_is_refused(ComplaintStatus from, ComplaintStatus to, string? reason)
    {
        var complaint = In(from);
        var before = complaint.Timeline.ToArray();

        var error = Assert.Throws<DomainException>(() => complaint.MoveTo(to, Agent, before[^1].AtUtc.AddMinutes(5), reason));

        Assert.Equal("ReasonRequired", error.Code);
        Assert.Equal(from, complaint.Status);
        Assert.Equal(before, complaint.Timeline);
        Assert.Null(complaint.FinishedAtUtc);
        Assert.Null(complaint.Resolution);
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.OutOfScope, "Concerns a bank we do not operate.")]
    [InlineData(ComplaintStatus.Investigating, ComplaintStatus.NotEstablished, "Order was refunded on 11-20; receipt attached.")]
    [InlineData(ComplaintStatus.AwaitingFeedback, ComplaintStatus.Referred, "Pointed to 12315 and the local court.")]
    [InlineData(ComplaintStatus.Received, ComplaintStatus.Closed, "Explained the refund timeline; user satisfied.")]
    public void R7_R11_R20_R25_ending_with_a_reason_records_it_as_note_and_resolution(ComplaintStatus from, ComplaintStatus to, string reason)
    {
        var complaint = In(from);
        var at = complaint.Timeline[^1].AtUtc.AddMinutes(5);

        complaint.MoveTo(to, Agent, at, "  " + reason + " ");

        Assert.Equal(to, complaint.Status);
        Assert.Equal(reason, complaint.Resolution);
        Assert.Equal(at, complaint.FinishedAtUtc);
        Assert.Contains(reason, complaint.Timeline[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void R25_agreed_case_closes_from_awaiting_feedback_without_a_separate_reason()
    {
        var complaint = In(ComplaintStatus.AwaitingFeedback);

        complaint.MoveTo(ComplaintStatus.Closed, Agent, complaint.Timeline[^1].AtUtc.AddMinutes(1));

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.False(Lifecycle.RequiresReason(ComplaintStatus.AwaitingFeedback, ComplaintStatus.Closed));
        Assert.True(Lifecycle.RequiresReason(ComplaintStatus.Received, ComplaintStatus.Closed));
    }

    [Fact]
    public void R34_the_owner_is_set_at_receipt_and_accepting_and_later_moves_do_not_change_it()
    {
        var complaint = Received();
        Assert.Equal(Agent.Id, complaint.OwnerId);

        var acceptedAt = complaint.ReceivedAtUtc.AddMinutes(10);
        complaint.MoveTo(ComplaintStatus.Accepted, Agent, acceptedAt);
        complaint.MoveTo(ComplaintStatus.Investigating, OtherAgent, acceptedAt.AddHours(1));
        complaint.MoveTo(ComplaintStatus.Resolving, Supervisor, acceptedAt.AddHours(2));

        Assert.Equal(Agent.Id, complaint.OwnerId);
        Assert.Equal(Agent.Name, complaint.OwnerName);
        Assert.Equal(Agent.Id, complaint.HandlerId);
        Assert.Equal(acceptedAt, complaint.AcceptedAtUtc);
    }

    [Fact]
    public void R34_assigning_a_handler_keeps_the_first_contact_owner()
    {
        var complaint = In(ComplaintStatus.Investigating);
        var at = complaint.Timeline[^1].AtUtc.AddMinutes(3);

        complaint.AssignHandler(Supervisor, at, "expert-7", "Expert Seven", Tier.Expert);

        Assert.Equal(Agent.Id, complaint.OwnerId);
        Assert.Equal(Agent.Name, complaint.OwnerName);
        Assert.Equal("expert-7", complaint.HandlerId);
        Assert.Equal("Expert Seven", complaint.HandlerName);
        Assert.Equal(Tier.Expert, complaint.Tier);
        var assigned = complaint.Timeline[^2];
        Assert.Equal(TimelineEventKind.Assigned, assigned.Kind);
        Assert.Equal(Supervisor.Id, assigned.ActorId);
        Assert.Equal(Agent.Name, assigned.Before);
        Assert.Equal("Expert Seven", assigned.After);
        var tier = complaint.Timeline[^1];
        Assert.Equal(("Tier", "Agent", "Expert"), (tier.Field, tier.Before, tier.After));
    }

    [Theory]
    [InlineData(Channel.Regulator, null, "12315-2026-0001")]
    [InlineData(Channel.PublicOpinion, "Weibo", null)]
    [InlineData(Channel.Media, " ", "CCTV-88")]
    [InlineData(Channel.Regulator, "12315", "")]
    public void R6_external_channel_without_source_name_and_reference_is_refused(Channel channel, string? sourceName, string? sourceReference)
    {
        var data = NewComplaint(channel) with { SourceName = sourceName, SourceReference = sourceReference };

        var error = Assert.Throws<DomainException>(() => Complaint.Receive(data, "TS-1", Agent, Agent, Shanghai("2026-11-27 09:00")));

        Assert.Equal("ExternalSourceRequired", error.Code);
    }

    [Theory]
    [InlineData(Channel.Regulator)]
    [InlineData(Channel.PublicOpinion)]
    [InlineData(Channel.Media)]
    public void R6_external_channel_keeps_its_source_name_and_reference(Channel channel)
    {
        var data = NewComplaint(channel) with { SourceName = "12315", SourceReference = "REF-42" };

        var complaint = Complaint.Receive(data, "TS-1", Agent, Agent, Shanghai("2026-11-27 09:00"));

        Assert.Equal("12315", complaint.SourceName);
        Assert.Equal("REF-42", complaint.SourceReference);
    }

    [Theory]
    [InlineData(Channel.Web)]
    [InlineData(Channel.Phone)]
    [InlineData(Channel.Letter)]
    public void R6_own_channels_need_no_source(Channel channel)
    {
        var complaint = Complaint.Receive(NewComplaint(channel), "TS-1", Agent, Agent, Shanghai("2026-11-27 09:00"));

        Assert.Equal(channel, complaint.Channel);
        Assert.Null(complaint.SourceName);
    }

    [Fact]
    public void R10_high_risk_without_a_trigger_is_refused()
    {
        var data = NewComplaint() with { Severity = ComplaintSeverity.HighRisk, HighRiskTriggers = HighRiskTriggers.None };

        var error = Assert.Throws<DomainException>(() => Complaint.Receive(data, "TS-1", Agent, Agent, Shanghai("2026-11-27 09:00")));

        Assert.Equal("HighRiskTriggerRequired", error.Code);
    }

    [Fact]
    public void R10_high_risk_with_a_trigger_is_received()
    {
        var data = NewComplaint() with
        {
            Severity = ComplaintSeverity.HighRisk,
            HighRiskTriggers = HighRiskTriggers.MultiProvinceBatch | HighRiskTriggers.NationalMediaExposure,
        };

        var complaint = Complaint.Receive(data, "TS-1", Agent, Agent, Shanghai("2026-11-27 09:00"));

        Assert.Equal(ComplaintSeverity.HighRisk, complaint.Severity);
        Assert.Equal(HighRiskTriggers.MultiProvinceBatch | HighRiskTriggers.NationalMediaExposure, complaint.HighRiskTriggers);
    }

    [Fact]
    public void R1_R9_receiving_records_channel_problem_type_and_one_received_event()
    {
        var at = Shanghai("2026-11-27 09:00");

        var complaint = Complaint.Receive(NewComplaint(Channel.Letter), "TS-9", Agent, Agent, at);

        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        Assert.Equal(Channel.Letter, complaint.Channel);
        Assert.Equal(ProblemType.ConsumerRights, complaint.ProblemType);
        Assert.Equal(at, complaint.ReceivedAtUtc);
        var received = Assert.Single(complaint.Timeline);
        Assert.Equal(TimelineEventKind.Received, received.Kind);
        Assert.Equal(Agent.Id, received.ActorId);
        Assert.Equal("Received", received.After);
    }

    [Fact]
    public void R17_progress_feedback_restarts_the_two_working_day_clock()
    {
        var clock = Clock();
        var complaint = Received(Channel.Phone, Shanghai("2026-11-27 09:00")); // Friday
        complaint.MoveTo(ComplaintStatus.Accepted, Agent, Shanghai("2026-11-27 09:30"));
        complaint.ApplySchedule(clock.Compute(complaint.SlaFacts));
        Assert.Equal(Utc("2026-12-01T16:00:00Z"), complaint.ProgressFeedbackDueUtc); // end of Tuesday

        complaint.RecordProgressFeedback(Agent, Shanghai("2026-12-01 10:00"), "Merchant has been asked to refund.");
        complaint.ApplySchedule(clock.Compute(complaint.SlaFacts));

        Assert.Equal(Utc("2026-12-03T16:00:00Z"), complaint.ProgressFeedbackDueUtc); // end of Thursday
        Assert.Equal(Shanghai("2026-12-01 10:00"), complaint.LastProgressFeedbackAtUtc);
        var feedback = complaint.Timeline[^1];
        Assert.Equal(TimelineEventKind.FeedbackGiven, feedback.Kind);
        Assert.Equal("Merchant has been asked to refund.", feedback.Note);
    }

    [Fact]
    public void R17_the_first_reply_also_restarts_the_progress_clock()
    {
        var clock = Clock();
        var complaint = Received(Channel.Web, Shanghai("2026-11-27 09:00")); // Friday
        complaint.MoveTo(ComplaintStatus.Accepted, Agent, Shanghai("2026-11-27 09:30"));
        complaint.RecordFirstReply(Agent, Shanghai("2026-11-30 11:00"), "已受理，两个工作日内反馈进展。"); // Monday
        complaint.ApplySchedule(clock.Compute(complaint.SlaFacts));

        Assert.Equal(Utc("2026-12-02T16:00:00Z"), complaint.ProgressFeedbackDueUtc); // end of Wednesday, not Tuesday
    }

    [Fact]
    public void R17_progress_feedback_on_a_finished_case_is_refused()
    {
        var complaint = In(ComplaintStatus.Closed);
        var count = complaint.Timeline.Count;

        var error = Assert.Throws<DomainException>(() => complaint.RecordProgressFeedback(Agent, complaint.Timeline[^1].AtUtc.AddHours(1), "anything"));

        Assert.Equal("CaseFinished", error.Code);
        Assert.Equal(count, complaint.Timeline.Count);
    }

    [Fact]
    public void R15_first_reply_is_recorded_once()
    {
        var complaint = In(ComplaintStatus.Accepted);
        var at = complaint.Timeline[^1].AtUtc.AddHours(1);

        complaint.RecordFirstReply(Agent, at, "We have your complaint.");
        var error = Assert.Throws<DomainException>(() => complaint.RecordFirstReply(Agent, at.AddHours(1), "Again."));

        Assert.Equal("AlreadyReplied", error.Code);
        Assert.Equal(at, complaint.FirstReplyAtUtc);
    }

    [Fact]
    public void R27_nothing_is_ever_removed_from_the_timeline()
    {
        var complaint = Received();
        var at = complaint.ReceivedAtUtc;
        var snapshots = new List<TimelineEvent[]> { complaint.Timeline.ToArray() };
        void Step(Action action)
        {
            at = at.AddMinutes(7);
            try { action(); } catch (DomainException) { }
            snapshots.Add(complaint.Timeline.ToArray());
        }

        Step(() => complaint.MoveTo(ComplaintStatus.Accepted, Agent, at));
        Step(() => complaint.MoveTo(ComplaintStatus.Closed, Agent, at, "illegal from Accepted"));
        Step(() => complaint.AddNote(Agent, at, "called the user"));
        Step(() => complaint.AssignHandler(Supervisor, at, "expert-1", "Expert One", Tier.Expert));
        Step(() => complaint.MoveTo(ComplaintStatus.Investigating, OtherAgent, at));
        Step(() => complaint.RecordProgressFeedback(OtherAgent, at, "still checking"));
        Step(() => complaint.MoveTo(ComplaintStatus.NotEstablished, OtherAgent, at, null));
        Step(() => complaint.MoveTo(ComplaintStatus.Resolving, OtherAgent, at));
        Step(() => complaint.MoveTo(ComplaintStatus.AwaitingFeedback, OtherAgent, at));
        Step(() => complaint.MoveTo(ComplaintStatus.Resolving, OtherAgent, at));
        Step(() => complaint.MoveTo(ComplaintStatus.AwaitingFeedback, OtherAgent, at));
        Step(() => complaint.MoveTo(ComplaintStatus.Closed, OtherAgent, at));
        Step(() => complaint.MoveTo(ComplaintStatus.Archived, Supervisor, at));
        Step(() => complaint.MoveTo(ComplaintStatus.Resolving, Supervisor, at));

        for (var i = 1; i < snapshots.Count; i++)
        {
            Assert.True(snapshots[i].Length >= snapshots[i - 1].Length, $"step {i} shortened the timeline");
            Assert.Equal(snapshots[i - 1], snapshots[i].Take(snapshots[i - 1].Length));
        }
        Assert.Equal(13, complaint.Timeline.Count); // received + 11 successful changes (the assignment logs handler and tier); the 3 refused ones left no trace
        Assert.Equal(ComplaintStatus.Archived, complaint.Status);
        Assert.Equal(Agent.Id, complaint.OwnerId);
    }

    [Fact]
    public void R27_moves_refuse_local_time_so_the_record_stays_in_utc()
    {
        var complaint = Received();

        Assert.Throws<ArgumentException>(() => complaint.MoveTo(ComplaintStatus.Accepted, Agent, new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Local)));
        Assert.Equal(ComplaintStatus.Received, complaint.Status);
    }
}
