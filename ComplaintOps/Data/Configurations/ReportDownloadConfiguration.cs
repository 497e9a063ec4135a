using ComplaintOps.Features.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ComplaintOps.Data.Configurations;

public sealed class ReportDownloadConfiguration : IEntityTypeConfiguration<ReportDownload>
{
    public void Configure(EntityTypeBuilder<ReportDownload> d)
    {
        d.ToTable("ReportDownloads");
        d.HasKey(x => x.Id);
        d.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        d.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        d.Property(x => x.FileName).HasMaxLength(ReportDownload.MaxFileNameLength).IsRequired();
        d.HasIndex(x => x.DownloadedAtUtc);
    }
}
