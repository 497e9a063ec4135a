namespace ComplaintOps.Domain.Complaints;

public enum ComplaintStatus
{
    Received = 0,
    Accepted = 1,
    Investigating = 2,
    Resolving = 3,
    AwaitingFeedback = 4,
    Closed = 5,
    Referred = 6,
    NotEstablished = 7,
    OutOfScope = 8,
    Archived = 9,
}
