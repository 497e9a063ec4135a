using ComplaintOps.Features.Intake.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class IntakeApiConfiguration : IEntityTypeConfiguration<ApiKey>, IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<ApiKey> k)
    {
        k.HasKey(x => x.Id);
        k.Property(x => x.SourceName).HasMaxLength(100).IsRequired();
        k.Property(x => x.SecretHash).HasMaxLength(64).IsRequired();
        k.HasIndex(x => x.SecretHash).IsUnique();
        k.Property(x => x.Prefix).HasMaxLength(16);
        k.Property(x => x.CreatedBy).HasMaxLength(100);
        k.Property(x => x.RevokedBy).HasMaxLength(100);
        k.Ignore(x => x.IsRevoked);
    }

    public void Configure(EntityTypeBuilder<IdempotencyRecord> r)
    {
        r.HasKey(x => x.Id);
        r.Property(x => x.Key).HasMaxLength(IdempotencyStore.MaxKeyLength).IsRequired();
        r.HasIndex(x => new { x.ApiKeyId, x.Key }).IsUnique();
        r.Property(x => x.RequestHash).HasMaxLength(64).IsRequired();
        r.Property(x => x.ResponseBody).HasMaxLength(4000);
        r.Property(x => x.Location).HasMaxLength(200);
        r.HasOne<ApiKey>().WithMany().HasForeignKey(x => x.ApiKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}
