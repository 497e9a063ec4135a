namespace ComplaintOps.Features.Intake.Public;

/// <summary>A call-back slot booked by a special-group complainant on the public form (R5).</summary>
public sealed class CallbackBooking
{
    public long Id { get; set; }
    public int ComplaintId { get; set; }
    public DateTime SlotStartUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
