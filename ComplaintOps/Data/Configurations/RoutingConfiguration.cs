using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Handling.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

/// <summary>
/// The routing part of the complaint (Complaint.Routing.cs), kept apart as the partial class is.
/// Open means Status &lt; Closed (Received … AwaitingFeedback; a test pins that to Lifecycle.IsFinished),
/// which lets partial indexes hold only open cases.
/// </summary>
internal sealed class ComplaintRoutingConfiguration : IEntityTypeConfiguration<Complaint>
{
    public const string OpenFilter = "\"Status\" < 5";

    public void Configure(EntityTypeBuilder<Complaint> c)
    {
        // "My queue" (HandlerId = me, open, by due time) and the per-handler workload count read only this index.
        c.HasIndex(x => new { x.HandlerId, x.NextDueUtc }, "IX_Complaints_MyQueue").HasFilter(OpenFilter);
        // The dispatcher's waiting list: open and not routed yet — small, whatever the size of the table. RoutedAtUtc leads
        // so "IS NULL" is an equality search the planner prefers over the wide Status index; the urgency order is
        // sorted from this small set.
        c.HasIndex(x => new { x.RoutedAtUtc, x.ReceivedAtUtc }, "IX_Complaints_RoutingWaiting").HasFilter("\"RoutedAtUtc\" IS NULL AND " + OpenFilter);
    }
}

internal sealed class HandlerProfileConfiguration : IEntityTypeConfiguration<HandlerProfile>
{
    public void Configure(EntityTypeBuilder<HandlerProfile> p)
    {
        p.HasKey(x => x.UserId);
        p.Property(x => x.UserId).HasMaxLength(64);
        p.PrimitiveCollection(x => x.ProductLines);
        p.PrimitiveCollection(x => x.ProblemTypes);
    }
}
