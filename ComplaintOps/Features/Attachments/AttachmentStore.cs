using System.Security.Cryptography;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Attachments;

/// <summary>
/// Keeps uploaded files outside wwwroot under generated names. Only PDF, PNG and JPEG are accepted, checked
/// by their first bytes (not by the name or the declared type), and only up to the configured size.
/// </summary>
public sealed class AttachmentStore(
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    IOptions<AttachmentOptions> options,
    IHostEnvironment env,
    BusinessTime time)
{
    private static readonly (string ContentType, byte[] Magic)[] Accepted =
    [
        ("application/pdf", "%PDF"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>The accepted content type these first bytes show, or null: lets a form check every file before storing any.</summary>
    public static string? AcceptedTypeOf(ReadOnlySpan<byte> head)
    {
        foreach (var (contentType, magic) in Accepted)
        {
            if (head.StartsWith(magic)) return contentType;
        }
        return null;
    }

    private string Root => Path.GetFullPath(Path.Combine(env.ContentRootPath, options.Value.Folder));

    /// <summary>Stores the file and its record; throws <see cref="DomainException"/> with a plain message when refused.</summary>
    public async Task<Attachment> SaveAsync(Stream content, string fileName, AttachmentKind kind, string uploadedBy, int? complaintId = null, CancellationToken ct = default)
    {
        var buffer = new MemoryStream();
        // Read at most one byte past the limit: enough to know it is too big without reading it all.
        var limited = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(limited, ct)) > 0)
        {
            buffer.Write(limited, 0, read);
            if (buffer.Length > MaxBytes)
                throw new DomainException("AttachmentTooLarge", $"The file is larger than {MaxBytes / 1024 / 1024} MB.");
        }
        if (buffer.Length == 0) throw new DomainException("AttachmentEmpty", "The file is empty.");
        var bytes = buffer.ToArray();
        var type = AcceptedTypeOf(bytes)
            ?? throw new DomainException("AttachmentType", "Only PDF, PNG and JPEG files are accepted.");

        var now = time.UtcNow;
        var stored = Path.Combine(now.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N"));
        var path = Path.Combine(Root, stored);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, ct);

        var attachment = new Attachment
        {
            ComplaintId = complaintId,
            Kind = kind,
            FileName = SafeName(fileName),
            ContentType = type,
            Size = bytes.Length,
            StoredName = stored,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedBy = uploadedBy,
            UploadedAtUtc = now,
        };
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment;
    }

    /// <summary>Links uploads made before the complaint existed (intake forms) to it.</summary>
    public async Task LinkAsync(IEnumerable<long> attachmentIds, int complaintId, CancellationToken ct = default)
    {
        var ids = attachmentIds.ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Attachments.Where(a => ids.Contains(a.Id) && a.ComplaintId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ComplaintId, complaintId), ct);
    }

    public Stream OpenRead(Attachment attachment) => File.OpenRead(Path.Combine(Root, attachment.StoredName));

    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c) && c is not ('<' or '>' or '"' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        return clean.Length == 0 ? "file" : clean[..Math.Min(clean.Length, 200)];
    }
}
