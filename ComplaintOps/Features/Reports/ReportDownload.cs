namespace ComplaintOps.Features.Reports;

/// <summary>Who downloaded which stored report, when (issue 7 §2). Its own table; rows are only ever added.</summary>
public sealed class ReportDownload
{
    public const int MaxFileNameLength = 120;

    public long Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public DateTime DownloadedAtUtc { get; private set; }

    private ReportDownload() { }

    public static ReportDownload Record(string userId, string userName, string fileName, long sizeBytes, DateTime nowUtc) => new()
    {
        UserId = userId,
        UserName = userName,
        FileName = fileName,
        SizeBytes = sizeBytes,
        DownloadedAtUtc = Domain.UtcInstant.Require(nowUtc),
    };
}
