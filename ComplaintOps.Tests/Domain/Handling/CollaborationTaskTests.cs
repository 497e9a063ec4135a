using ComplaintOps.Domain.Complaints;
using ComplaintOps.Domain.Handling;
using static ComplaintOps.Tests.Domain.DomainSamples;

namespace ComplaintOps.Tests.Domain.Handling;

/// <summary>The collaboration task life cycle (R21): due in working days on the official calendar, answered once, overdue when open past due.</summary>
public sealed class CollaborationTaskTests
{
    internal static readonly Actor Liaison = new("liaison-1", "Legal Liaison");

    internal static Complaint Stored(ProblemSubType subType = ProblemSubType.ReturnOrRefund, Channel channel = Channel.Web, int id = 42)
    {
        var complaint = Complaint.Receive(NewComplaint(channel) with { ProblemSubType = subType }, "TS-0042", Agent, Agent, Shanghai("2026-11-27 09:00"));
        typeof(Complaint).GetProperty(nameof(Complaint.Id))!.SetValue(complaint, id);
        complaint.MoveTo(ComplaintStatus.Accepted, Agent, Shanghai("2026-11-27 09:30"));
        complaint.MoveTo(ComplaintStatus.Investigating, Agent, Shanghai("2026-11-27 10:00"));
        return complaint;
    }

    [Fact]
    public void R21_a_task_opened_on_a_saturday_is_due_at_the_end_of_the_third_working_day()
    {
        // Saturday 2026-11-28 10:00 Shanghai: Mon 30, Tue 1, Wed 2 December are the three working days.
        var task = CollaborationTask.Open(Stored(), Department.Legal, CollaborationPurpose.Investigation, "Is the clause enforceable?", 3, Clock(), Agent, Shanghai("2026-11-28 10:00"));

        Assert.Equal(Shanghai("2026-12-03 00:00"), task.DueUtc);
        Assert.Equal(CollaborationTaskStatus.Open, task.Status);
        Assert.Equal(42, task.ComplaintId);
    }

    [Fact]
    public void R21_the_deadline_counts_the_official_calendar_across_national_day()
    {
        // 2026-09-30 (Wed) + 2 working days: 1–7 October are holidays, 10 October (Sat) is an adjusted working day.
        var task = CollaborationTask.Open(Stored(), Department.Business, CollaborationPurpose.Investigation, "Check the order", 2, Clock(), Agent, Shanghai("2026-09-30 15:00"));

        Assert.Equal(Clock().EndOfWorkingDays(Shanghai("2026-09-30 15:00"), 2), task.DueUtc);
        Assert.True(task.DueUtc > Shanghai("2026-10-08 00:00"));
    }

    [Fact]
    public void R21_an_open_task_is_overdue_only_after_its_due_time_and_never_once_answered()
    {
        var task = CollaborationTask.Open(Stored(), Department.Technical, CollaborationPurpose.Investigation, "Logs of the crash?", 1, Clock(), Agent, Shanghai("2026-11-30 10:00"));

        // One working day after Monday: the end of Tuesday.
        Assert.Equal(Shanghai("2026-12-02 00:00"), task.DueUtc);
        Assert.False(task.IsOverdue(Shanghai("2026-12-01 23:59")));
        Assert.True(task.IsOverdue(Shanghai("2026-12-02 00:01")));

        task.AnswerWith("Crash fixed in 3.2.1", Liaison, Shanghai("2026-12-02 09:00"));
        Assert.False(task.IsOverdue(Shanghai("2026-12-09 00:00")));
        Assert.Equal(CollaborationTaskStatus.Answered, task.Status);
        Assert.Equal("Legal Liaison", task.AnsweredByName);
    }

    [Fact]
    public void R21_a_task_is_answered_once_and_a_cancelled_one_not_at_all()
    {
        var answered = CollaborationTask.Open(Stored(), Department.Legal, CollaborationPurpose.Investigation, "Q", 2, Clock(), Agent, Shanghai("2026-11-30 10:00"));
        answered.AnswerWith("A", Liaison, Shanghai("2026-11-30 11:00"));
        Assert.Equal("TaskNotOpen", Assert.Throws<DomainException>(() => answered.AnswerWith("B", Liaison, Shanghai("2026-11-30 12:00"))).Code);
        Assert.Equal("A", answered.Answer);

        var cancelled = CollaborationTask.Open(Stored(), Department.Legal, CollaborationPurpose.Investigation, "Q", 2, Clock(), Agent, Shanghai("2026-11-30 10:00"));
        Assert.Equal("TaskCancelReasonRequired", Assert.Throws<DomainException>(() => cancelled.Cancel(" ", Agent, Shanghai("2026-11-30 10:30"))).Code);
        cancelled.Cancel("Resolved with the merchant directly", Agent, Shanghai("2026-11-30 10:30"));
        Assert.Equal("TaskNotOpen", Assert.Throws<DomainException>(() => cancelled.AnswerWith("late", Liaison, Shanghai("2026-11-30 11:00"))).Code);
        Assert.False(cancelled.IsOverdue(Shanghai("2026-12-31 00:00")));
    }

    [Theory]
    [InlineData("", 3, "TaskQuestionRequired")]
    [InlineData("Q", 0, "TaskDeadlineOutOfRange")]
    [InlineData("Q", 31, "TaskDeadlineOutOfRange")]
    public void R21_a_task_needs_a_question_and_a_deadline_of_1_to_30_working_days(string question, int days, string code)
    {
        var e = Assert.Throws<DomainException>(() =>
            CollaborationTask.Open(Stored(), Department.Business, CollaborationPurpose.Investigation, question, days, Clock(), Agent, Shanghai("2026-11-30 10:00")));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void R21_every_kind_of_recipient_of_the_standard_can_be_asked()
    {
        // §9.2.4 business/technical, §9.2.5 legal/PR/public affairs, §9.2.6 outside experts and authorities.
        foreach (var department in Enum.GetValues<Department>())
        {
            var task = CollaborationTask.Open(Stored(), department, CollaborationPurpose.Investigation, "Q", 2, Clock(), Agent, Shanghai("2026-11-30 10:00"));
            Assert.Equal(department, task.Department);
        }
        Assert.Equal(7, Enum.GetValues<Department>().Length);
    }

    [Fact]
    public void R21_no_task_from_a_finished_case()
    {
        var complaint = Stored();
        complaint.MoveTo(ComplaintStatus.NotEstablished, Agent, Shanghai("2026-11-27 11:00"), "reasoned reply");
        var e = Assert.Throws<DomainException>(() =>
            CollaborationTask.Open(complaint, Department.Legal, CollaborationPurpose.Investigation, "Q", 2, Clock(), Agent, Shanghai("2026-11-30 10:00")));
        Assert.Equal("CaseFinished", e.Code);
    }
}
