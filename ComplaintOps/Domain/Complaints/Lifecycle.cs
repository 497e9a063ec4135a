namespace ComplaintOps.Domain.Complaints;

/// <summary>
/// The complaint lifecycle as one transition table. Every move not listed here is refused.
/// Ending states that need a written reason (R7, R11, R20, R25) say so in <see cref="RequiresReason"/>.
/// </summary>
public static class Lifecycle
{
    private static readonly Dictionary<ComplaintStatus, ComplaintStatus[]> Allowed = new()
    {
        [ComplaintStatus.Received] = [ComplaintStatus.Accepted, ComplaintStatus.Closed, ComplaintStatus.OutOfScope],
        [ComplaintStatus.Accepted] = [ComplaintStatus.Investigating, ComplaintStatus.OutOfScope],
        [ComplaintStatus.Investigating] = [ComplaintStatus.Resolving, ComplaintStatus.NotEstablished],
        [ComplaintStatus.Resolving] = [ComplaintStatus.AwaitingFeedback],
        // A party that disagrees sends the case back to resolving; no agreement at all refers it outside (R25).
        [ComplaintStatus.AwaitingFeedback] = [ComplaintStatus.Closed, ComplaintStatus.Referred, ComplaintStatus.Resolving],
        [ComplaintStatus.Closed] = [ComplaintStatus.Archived],
        [ComplaintStatus.Referred] = [ComplaintStatus.Archived],
        [ComplaintStatus.NotEstablished] = [ComplaintStatus.Archived],
        [ComplaintStatus.OutOfScope] = [ComplaintStatus.Archived],
        [ComplaintStatus.Archived] = [],
    };

    public static IReadOnlyList<ComplaintStatus> NextStates(ComplaintStatus from) => Allowed[from];

    public static bool CanMove(ComplaintStatus from, ComplaintStatus to) => Allowed[from].Contains(to);

    /// <summary>States a case rests in once handling is over; no progress clock runs there.</summary>
    public static bool IsFinished(ComplaintStatus status) =>
        status is ComplaintStatus.Closed or ComplaintStatus.Referred or ComplaintStatus.NotEstablished
            or ComplaintStatus.OutOfScope or ComplaintStatus.Archived;

    /// <summary>
    /// Closing on first contact needs the answer on record (R11); out of scope a reason (R7);
    /// not established a reasoned reply (R20); referral the outside route (R25).
    /// </summary>
    public static bool RequiresReason(ComplaintStatus from, ComplaintStatus to) =>
        to is ComplaintStatus.OutOfScope or ComplaintStatus.NotEstablished or ComplaintStatus.Referred
        || (from == ComplaintStatus.Received && to == ComplaintStatus.Closed);
}

/// <summary>A rule of the standard was broken by a request; the message is shown to the user in plain words.</summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    /// <summary>A stable key the UI uses to show the message in the user's language.</summary>
    public string Code { get; } = code;
}
