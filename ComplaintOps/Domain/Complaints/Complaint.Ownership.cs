namespace ComplaintOps.Domain.Complaints;

/// <summary>
/// First-contact responsibility (首问负责制, R34): the owner is fixed at receipt and changes only when a
/// hand-over offered by the owner (or a supervisor) is accepted by the named user. Until then the offer
/// is pending and the owner stays; a complaint is never without an owner.
/// </summary>
public sealed partial class Complaint
{
    /// <summary>A letter may be recorded up to this long after it arrived.</summary>
    public static readonly TimeSpan MaxReceivedBackdating = TimeSpan.FromDays(30);

    public string? HandOverToId { get; private set; }
    public string? HandOverToName { get; private set; }
    public string? HandOverById { get; private set; }
    public string? HandOverReason { get; private set; }
    public DateTime? HandOverOfferedAtUtc { get; private set; }

    public bool HasPendingHandOver => HandOverToId is not null;

    public bool IsOwnedBy(string userId) => OwnerId == userId;

    /// <summary>Offers the complaint to <paramref name="to"/>; only the owner or a supervisor may.</summary>
    public void OfferHandOver(Actor by, Actor to, string reason, DateTime nowUtc, bool bySupervisor = false)
    {
        EnsureNotArchived();
        nowUtc = UtcInstant.Require(nowUtc);
        if (by.Id != OwnerId && !bySupervisor)
            throw new DomainException("HandOverNotOwner", "Only the owner of the complaint or a supervisor can offer it to someone else.");
        RequireOwner(to);
        if (to.Id == OwnerId)
            throw new DomainException("HandOverToOwner", "The complaint already belongs to that person.");
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("HandOverReasonRequired", "Say why the complaint is handed over.");
        if (HasPendingHandOver)
            throw new DomainException("HandOverPending", $"A hand-over to {HandOverToName} is already waiting for an answer.");

        HandOverToId = to.Id;
        HandOverToName = to.Name;
        HandOverById = by.Id;
        HandOverReason = reason.Trim();
        HandOverOfferedAtUtc = nowUtc;
        _timeline.Add(TimelineEvent.Create(nowUtc, by, TimelineEventKind.Assigned, "HandOverOffered", OwnerName, to.Name, HandOverReason));
    }

    /// <summary>The offered user takes the complaint over and becomes its owner.</summary>
    public void AcceptHandOver(Actor by, DateTime nowUtc)
    {
        RequireOfferedTo(by);
        var previous = OwnerName;
        OwnerId = by.Id;
        OwnerName = by.Name;
        ClearOffer();
        _timeline.Add(TimelineEvent.Create(UtcInstant.Require(nowUtc), by, TimelineEventKind.Assigned, "Owner", previous, by.Name));
    }

    /// <summary>The offered user declines; the owner keeps the complaint.</summary>
    public void DeclineHandOver(Actor by, DateTime nowUtc, string? reason = null)
    {
        RequireOfferedTo(by);
        var offeredTo = HandOverToName;
        ClearOffer();
        _timeline.Add(TimelineEvent.Create(UtcInstant.Require(nowUtc), by, TimelineEventKind.Assigned, "HandOverDeclined", offeredTo, OwnerName,
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
    }

    private void RequireOfferedTo(Actor by)
    {
        EnsureNotArchived();
        if (!HasPendingHandOver)
            throw new DomainException("NoHandOverPending", "There is no hand-over waiting for an answer.");
        if (by.Id != HandOverToId)
            throw new DomainException("HandOverNotOffered", $"Only {HandOverToName}, to whom it was offered, can answer this hand-over.");
    }

    private void ClearOffer()
    {
        HandOverToId = null;
        HandOverToName = null;
        HandOverById = null;
        HandOverReason = null;
        HandOverOfferedAtUtc = null;
    }

    private static void RequireOwner(Actor owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (string.IsNullOrWhiteSpace(owner.Id) || string.IsNullOrWhiteSpace(owner.Name))
            throw new DomainException("OwnerRequired", "Every complaint needs a named owner.");
    }

    /// <summary>
    /// When the clocks start: normally now; a letter counts from the day it arrived (R16), which may be
    /// up to 30 days back but never in the future.
    /// </summary>
    private static DateTime ReceivedAt(NewComplaint data, DateTime nowUtc)
    {
        nowUtc = UtcInstant.Require(nowUtc);
        if (data.ReceivedAtUtc is not { } at) return nowUtc;
        at = UtcInstant.Require(at);
        if (at > nowUtc)
            throw new DomainException("ReceivedInFuture", "The date received cannot be in the future.");
        if (nowUtc - at > MaxReceivedBackdating)
            throw new DomainException("ReceivedTooOld", "The date received cannot be more than 30 days ago.");
        return at;
    }
}
