using System.Reflection;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using ComplaintOps.Domain.Sla;
using static ComplaintOps.Tests.Domain.DomainSamples;
using static ComplaintOps.Tests.Domain.Handling.ResolutionSamples;

namespace ComplaintOps.Tests.Domain.Handling;

public sealed class ClosureTests
{
    [Fact]
    public void R24_the_result_goes_to_both_parties_and_each_answer_is_recorded()
    {
        var c = AwaitingAnswers();

        Assert.Equal(ComplaintStatus.AwaitingFeedback, c.Status);
        var sent = c.Timeline.Where(e => e.Kind == TimelineEventKind.OutboundSent).ToList();
        Assert.Equal(["Complainant", "Respondent"], sent.Select(e => e.Before));
        Assert.All(sent, e => Assert.EndsWith("—— 投诉处理专员 客服 0107", e.Note, StringComparison.Ordinal));

        c.RecordPartyResponse(OutboundParty.Complainant, true, "可以接受", Agent, Next(c));
        c.RecordPartyResponse(OutboundParty.Respondent, false, "只同意退一半", Agent, Next(c));

        Assert.Equal((true, "可以接受"), (c.ComplainantAgrees, c.ComplainantComment));
        Assert.Equal((false, "只同意退一半"), (c.RespondentAgrees, c.RespondentComment));
        var answer = c.Timeline[^1];
        Assert.Equal((TimelineEventKind.PartyResponded, "Respondent", "Disagree", "只同意退一半"), (answer.Kind, answer.Before, answer.After, answer.Note));
        Assert.Equal("DisagreeCommentRequired", Assert.Throws<DomainException>(() => c.RecordPartyResponse(OutboundParty.Complainant, false, " ", Agent, Next(c))).Code);
    }

    [Fact]
    public void R24_the_result_to_only_one_party_is_refused()
    {
        var c = In(ComplaintStatus.Resolving);
        c.ProposeSolution("退款", Agent, Next(c));

        var e = Assert.Throws<DomainException>(() => c.SendResult(Message(c, OutboundKind.Result, OutboundParty.Complainant), Message(c, OutboundKind.Result, OutboundParty.Complainant), Agent, Next(c)));

        Assert.Equal("ResultToBothParties", e.Code);
        Assert.Equal(ComplaintStatus.Resolving, c.Status);
    }

    [Fact]
    public void R25_closing_needs_both_parties_agreed_and_the_solution_carried_out()
    {
        var c = AwaitingAnswers();

        Assert.Equal("BothMustAgree", Assert.Throws<DomainException>(() => c.Close(Agent, Next(c))).Code);
        c.RecordPartyResponse(OutboundParty.Complainant, true, null, Agent, Next(c));
        Assert.Equal("BothMustAgree", Assert.Throws<DomainException>(() => c.Close(Agent, Next(c))).Code);
        Assert.Equal("BothMustAgree", Assert.Throws<DomainException>(() => c.RecordSolutionCarriedOut("已退款", Agent, Next(c))).Code);
        c.RecordPartyResponse(OutboundParty.Respondent, true, null, Agent, Next(c));
        Assert.Equal("NotCarriedOut", Assert.Throws<DomainException>(() => c.Close(Agent, Next(c))).Code);
        c.RecordSolutionCarriedOut("退款 1500 元已原路退回", Agent, Next(c));

        c.Close(Agent, Next(c));

        Assert.Equal(ComplaintStatus.Closed, c.Status);
        Assert.Contains("退款 1500 元已原路退回", c.Resolution, StringComparison.Ordinal);
    }

    [Fact]
    public void R25_no_agreement_refers_the_user_to_an_outside_route_on_record()
    {
        var c = AwaitingAnswers();
        var notice = Message(c, OutboundKind.ReferralNotice, OutboundParty.Complainant, "双方未达成一致，您可向消费者协会或 12315 反映。");

        Assert.Equal("NoDisagreement", Assert.Throws<DomainException>(() => c.Refer(OutsideRoute.Regulator, "12315", notice, Agent, Next(c))).Code);
        c.RecordPartyResponse(OutboundParty.Complainant, false, "要求三倍赔偿", Agent, Next(c));
        Assert.Equal("ReferralNoteRequired", Assert.Throws<DomainException>(() => c.Refer(OutsideRoute.Regulator, " ", notice, Agent, Next(c))).Code);
        Assert.Equal("ReferralRouteRequired", Assert.Throws<DomainException>(() => c.Refer((OutsideRoute)99, "x", notice, Agent, Next(c))).Code);

        c.Refer(OutsideRoute.Regulator, "已告知 12315 及当地市场监管部门", notice, Agent, Next(c));

        Assert.Equal(ComplaintStatus.Referred, c.Status);
        Assert.Equal(OutsideRoute.Regulator, c.ReferralRoute);
        Assert.Equal("Regulator: 已告知 12315 及当地市场监管部门", c.Resolution);
        Assert.Contains(c.Timeline, e => e.Kind == TimelineEventKind.OutboundSent && e.Field == "Outbound.ReferralNotice");
    }

    [Fact]
    public void R20_not_established_needs_the_reasoned_reply_sent_to_the_complainant()
    {
        var c = In(ComplaintStatus.Investigating);
        var toRespondent = Message(c, OutboundKind.NotEstablishedReply, OutboundParty.Respondent);
        Assert.Equal("ReasonedReplyRequired", Assert.Throws<DomainException>(() => c.DeclareNotEstablished(toRespondent, Agent, Next(c))).Code);
        Assert.Equal("OutboundTextRequired", Assert.Throws<DomainException>(() => Message(c, OutboundKind.NotEstablishedReply, OutboundParty.Complainant, "  ")).Code);

        var reply = Message(c, OutboundKind.NotEstablishedReply, OutboundParty.Complainant, "经核实物流记录，包裹已于 11 月 20 日签收，投诉事项不成立。");
        c.DeclareNotEstablished(reply, Agent, Next(c));

        Assert.Equal(ComplaintStatus.NotEstablished, c.Status);
        Assert.Equal(reply.Text, c.Resolution);
        Assert.Contains(c.Timeline, e => e.Kind == TimelineEventKind.OutboundSent && e.Note == reply.Text);
    }

    [Fact]
    public void R17_sending_the_result_restarts_the_progress_clock_and_a_feedback_channel_is_kept()
    {
        var c = In(ComplaintStatus.Investigating);
        var at = Shanghai("2026-12-01 10:00");
        c.RecordProgressFeedback(Agent, at, "正在核实", OutboundChannel.Sms);
        c.ApplySchedule(Clock().Compute(c.SlaFacts));

        Assert.Equal(Utc("2026-12-03T16:00:00Z"), c.ProgressFeedbackDueUtc);
        Assert.Equal(("ProgressFeedback", "Sms"), (c.Timeline[^1].Field, c.Timeline[^1].After));
    }

    [Fact]
    public void R27_archiving_keeps_how_the_case_ended_and_the_snapshot_hash()
    {
        var c = In(ComplaintStatus.NotEstablished);
        var record = ArchiveRecord.Take(c, [new ArchivedAttachment(1, "Document", "receipt.pdf", "application/pdf", 10, new string('a', 64))], [], [], [], Supervisor, Next(c));
        c.Archive(record.SnapshotSha256, Supervisor, Next(c));

        Assert.Equal(ComplaintStatus.Archived, c.Status);
        Assert.Equal(ComplaintStatus.NotEstablished, c.ArchivedFrom);
        Assert.True(record.Verify(c.ArchiveSha256));
        Assert.Contains("\"sha256\": \"" + new string('a', 64) + "\"", record.SnapshotJson, StringComparison.Ordinal);
        Assert.Contains("receipt.pdf", record.SnapshotJson, StringComparison.Ordinal);
        Assert.Contains(c.Timeline, e => e.After == "Archived" && e.Note == "SHA-256 " + record.SnapshotSha256);
    }

    [Fact]
    public void R27_a_changed_snapshot_or_hash_is_detected()
    {
        var c = In(ComplaintStatus.OutOfScope);
        var record = ArchiveRecord.Take(c, [], [], [], [], Supervisor, Next(c));
        c.Archive(record.SnapshotSha256, Supervisor, Next(c));
        Assert.True(record.Verify(c.ArchiveSha256));

        Assert.False(record.Verify(new string('0', 64)));
        typeof(ArchiveRecord).GetProperty(nameof(ArchiveRecord.SnapshotJson))!.SetValue(record, record.SnapshotJson.Replace("Example Shop", "Other Shop", StringComparison.Ordinal));
        Assert.False(record.Verify(c.ArchiveSha256));
    }

    [Fact]
    public void R27_only_finished_cases_are_archived()
    {
        var c = In(ComplaintStatus.Resolving);

        Assert.Equal("NotFinished", Assert.Throws<DomainException>(() => ArchiveRecord.Take(c, [], [], [], [], Supervisor, Next(c))).Code);
        Assert.Equal("NotFinished", Assert.Throws<DomainException>(() => c.Archive(new string('a', 64), Supervisor, Next(c))).Code);
    }

    /// <summary>Every public method of <see cref="Complaint"/> that changes it (all but these reads and store hooks).</summary>
    private static readonly HashSet<string> NotChanges = [nameof(Complaint.IsOwnedBy), nameof(Complaint.ApplySchedule), nameof(Complaint.BumpVersion), nameof(Complaint.AssignId),
        // Questions, not changes: they only say what is missing.
        nameof(Complaint.MissingBeforeResolution), nameof(Complaint.EnsureReadyForResolution), nameof(Complaint.EnsureInvestigationRecorded)];

    private static IEnumerable<string> ChangeMethodNames() =>
        typeof(Complaint).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && !NotChanges.Contains(m.Name)).Select(m => m.Name).Distinct();

    public static TheoryData<string> ChangeMethods()
    {
        var data = new TheoryData<string>();
        foreach (var m in ChangeMethodNames()) data.Add(m);
        return data;
    }

    [Theory]
    [MemberData(nameof(ChangeMethods))]
    public void R27_every_change_method_refuses_an_archived_case(string methodName)
    {
        var c = In(ComplaintStatus.Archived);
        var before = (c.Timeline.Count, c.Status, c.Resolution, c.Severity, c.OwnerId, c.HandlerId, c.Version);
        foreach (var method in typeof(Complaint).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == methodName))
        {
            var args = method.GetParameters().Select(p => Argument(p.ParameterType, c)).ToArray();
            var e = Assert.Throws<TargetInvocationException>(() => method.Invoke(c, args));
            var refusal = Assert.IsType<DomainException>(e.InnerException);
            Assert.Contains(refusal.Code, new[] { "CaseArchived", "IllegalTransition", "CaseFinished", "AlreadyGraded" });
        }
        Assert.Equal(before, (c.Timeline.Count, c.Status, c.Resolution, c.Severity, c.OwnerId, c.HandlerId, c.Version));
    }

    [Fact]
    public void R27_the_change_method_list_is_not_empty_and_covers_the_closures()
    {
        var names = ChangeMethodNames().ToHashSet();
        Assert.Superset(new HashSet<string> { "MoveTo", "AddNote", "RecordProgressFeedback", "ProposeSolution", "SendResult", "RecordPartyResponse", "Close", "Refer", "DeclareNotEstablished", "Archive", "OfferHandOver", "OverrideGrade" }, names);
    }

    /// <summary>A plausible value for each parameter type, so the refusal cannot come from a bad argument.</summary>
    private static object? Argument(Type t, Complaint c)
    {
        if (t == typeof(Actor)) return Supervisor;
        if (t == typeof(DateTime)) return Next(c);
        if (t == typeof(string)) return "text";
        if (t == typeof(bool)) return true;
        if (t == typeof(int)) return 1;
        if (t == typeof(long)) return 1L;
        if (t == typeof(ComplaintStatus)) return ComplaintStatus.Closed;
        if (t == typeof(OutboundMessage)) return Message(c, OutboundKind.Result, OutboundParty.Complainant);
        if (t == typeof(Complaint)) return In(ComplaintStatus.Accepted);
        if (t == typeof(SlaSchedule)) return null;
        if (t.IsEnum) return Enum.GetValues(t).GetValue(Enum.GetValues(t).Length - 1);
        if (Nullable.GetUnderlyingType(t) is { } inner) return Argument(inner, c);
        return null;
    }
}
