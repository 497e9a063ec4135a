using ComplaintOps.Features.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> a)
    {
        a.HasKey(x => x.Id);
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(64);
        a.Property(x => x.StoredName).HasMaxLength(100);
        a.Property(x => x.Sha256).HasMaxLength(64);
        a.Property(x => x.UploadedBy).HasMaxLength(100);
        a.HasIndex(x => x.ComplaintId);
    }
}
