using System.Net.Mail;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using ComplaintOps.Data;
using ComplaintOps.Domain.Complaints;
using ComplaintOps.Features.Attachments;
using ComplaintOps.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ComplaintOps.Features.Intake.Public;

/// <summary>An upload as the form received it (kept apart from IFormFile so tests and pages share one path).</summary>
public sealed record PublicUpload(string FileName, long Length, Func<Stream> Open);

public sealed record PublicSubmitResult(IReadOnlyList<FieldError> Errors, string? TrackingNumber = null, string? Secret = null)
{
    public bool Succeeded => Errors.Count == 0 && TrackingNumber is not null;
}

/// <summary>What the public may see of a complaint (R17, R30): no names, contacts or internal notes of staff.</summary>
public sealed record PublicStatusView(
    string TrackingNumber,
    ComplaintStatus Status,
    DateTime ReceivedAtUtc,
    DateTime? NextFeedbackDueUtc,
    string? HandlerAlias,
    string ProductLine,
    string Description,
    string Demands,
    DateTime? CallbackSlotUtc);

public enum LookupOutcome
{
    Found,
    NotFound,
    Throttled,
}

/// <summary>
/// The public form and status page behind the pages: checks everything before anything is stored, then receives the
/// complaint through <see cref="IntakeService"/> and keeps the hashed lookup secret, the call-back booking and the files.
/// </summary>
public sealed partial class PublicIntakeService(
    IntakeService intake,
    AttachmentStore attachments,
    CallbackSlots slots,
    IDbContextFactory<ComplaintOpsDb> dbFactory,
    IOptions<IntakeOptions> intakeOptions,
    IOptions<AttachmentOptions> attachmentOptions,
    IOptions<PublicIntakeOptions> publicOptions,
    BusinessTime time) : IDisposable
{
    public static readonly Actor PublicActor = new("public", "Public web form");

    /// <summary>The text the person did not fill in when they did not name who it is about.</summary>
    public const string UnnamedRespondent = "（未填写）";

    /// <summary>Whole request (all files and fields): checked before the form is read, so a flood is cut off early.</summary>
    public const long MaxRequestBytes = 32L * 1024 * 1024;

    private readonly PartitionedRateLimiter<string> _lookupLimiter = PartitionedRateLimiter.Create<string, string>(ip =>
        RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = publicOptions.Value.LookupPermitLimit,
            Window = TimeSpan.FromSeconds(publicOptions.Value.LookupWindowSeconds),
            QueueLimit = 0,
        }));

    public IReadOnlyList<string> ProductLines => intakeOptions.Value.EffectiveProductLines;

    public int MaxFiles => attachmentOptions.Value.MaxFilesPerComplaint;

    public long MaxFileBytes => attachmentOptions.Value.MaxBytes;

    public IReadOnlyList<DateTime> OfferedSlots() => slots.Offer();

    public int SlotMinutes => publicOptions.Value.CallbackSlotMinutes;

    public async Task<PublicSubmitResult> SubmitAsync(PublicComplaintForm form, IReadOnlyList<PublicUpload> uploads, CancellationToken ct = default)
    {
        var offered = slots.Offer();
        var errors = Validate(form, offered);
        var files = new List<(PublicUpload Upload, byte[] Bytes)>();
        var real = uploads.Where(u => u.Length > 0 || !string.IsNullOrEmpty(u.FileName)).ToList();
        if (real.Count > MaxFiles) errors.Add(new FieldError("Attachments", "PublicForm.Error.TooManyFiles", MaxFiles));
        else
        {
            foreach (var upload in real)
            {
                var name = Path.GetFileName(upload.FileName.Replace('\\', '/'));
                if (upload.Length > MaxFileBytes)
                {
                    errors.Add(new FieldError("Attachments", "PublicForm.Error.AttachmentTooLarge", name, MaxFileBytes / 1024 / 1024));
                    continue;
                }
                var bytes = await ReadAsync(upload, ct);
                if (bytes is null || bytes.Length > MaxFileBytes)
                    errors.Add(new FieldError("Attachments", "PublicForm.Error.AttachmentTooLarge", name, MaxFileBytes / 1024 / 1024));
                else if (bytes.Length == 0 || AttachmentStore.AcceptedTypeOf(bytes) is null)
                    errors.Add(new FieldError("Attachments", "PublicForm.Error.AttachmentType", name));
                else
                    files.Add((upload, bytes));
            }
        }
        if (errors.Count > 0) return new PublicSubmitResult(errors);

        var topic = form.Topic!.Value;
        var description = form.Description!.Trim();
        var complaint = await intake.ReceiveAsync(new NewComplaint
        {
            Channel = Channel.Web,
            SpecialGroup = form.SpecialGroup,
            Complainant = new Complainant
            {
                Name = form.Name!.Trim(),
                Phone = NormalisePhone(form.Phone)!,
                Email = string.IsNullOrWhiteSpace(form.Email) ? null : form.Email.Trim(),
                Province = form.Province!,
                City = form.City!.Trim(),
            },
            Respondent = new Respondent
            {
                Kind = topic.SuggestedRespondentKind(),
                Name = string.IsNullOrWhiteSpace(form.RespondentName) ? UnnamedRespondent : form.RespondentName.Trim(),
            },
            ProductLine = form.ProductLine!,
            ProblemSubType = topic.SuggestedSubType(),
            Title = TitleFrom(description),
            Description = description,
            Demands = form.Demands!.Trim(),
        }, PublicActor, acceptedBy: null, ct);

        var secret = LookupSecrets.Generate();
        var now = time.UtcNow;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.PublicLookupSecrets.Add(LookupSecrets.Protect(secret, complaint.Id, now));
            if (CallbackSlots.Parse(form.CallbackSlot) is { } slot)
                db.CallbackBookings.Add(new CallbackBooking { ComplaintId = complaint.Id, SlotStartUtc = slot, CreatedAtUtc = now });
            await db.SaveChangesAsync(ct);
        }
        // Every file was checked above, so these cannot be refused now.
        foreach (var (upload, bytes) in files)
            await attachments.SaveAsync(new MemoryStream(bytes, writable: false), upload.FileName, AttachmentKind.Document, PublicActor.Id, complaint.Id, ct);

        return new PublicSubmitResult([], complaint.TrackingNumber, secret);
    }

    /// <summary>One lookup attempt from <paramref name="clientKey"/> (the client IP). Wrong combinations all look alike.</summary>
    public async Task<(LookupOutcome Outcome, PublicStatusView? View)> LookupAsync(string clientKey, PublicLookupForm form, CancellationToken ct = default)
    {
        using var lease = _lookupLimiter.AttemptAcquire(clientKey);
        if (!lease.IsAcquired) return (LookupOutcome.Throttled, null);

        var tracking = form.TrackingNumber?.Trim() ?? "";
        var code = LookupSecrets.Normalise(form.Code ?? "");
        if (tracking.Length == 0 || tracking.Length > 40 || code.Length == 0 || code.Length > 40) return (LookupOutcome.NotFound, null);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Complaints.AsNoTracking()
            .Where(c => c.TrackingNumber == tracking)
            .Select(c => new
            {
                c.Id, c.TrackingNumber, c.Status, c.ReceivedAtUtc, c.HandlerId, c.ProductLine, c.Description, c.Demands,
                c.Complainant.PhoneLast4, c.ProgressFeedbackDueUtc, c.FirstReplyDueUtc, c.LetterReplyDueUtc,
            })
            .SingleOrDefaultAsync(ct);
        if (row is null) return (LookupOutcome.NotFound, null);

        bool matches;
        if (Last4().IsMatch(code))
        {
            matches = string.Equals(row.PhoneLast4, code, StringComparison.Ordinal);
        }
        else
        {
            var stored = await db.PublicLookupSecrets.AsNoTracking().SingleOrDefaultAsync(s => s.ComplaintId == row.Id, ct);
            matches = stored is not null && LookupSecrets.Matches(stored, code);
        }
        if (!matches) return (LookupOutcome.NotFound, null);

        // R30: only the work alias, never the handler's real name or contact.
        var alias = row.HandlerId is null ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == row.HandlerId).Select(u => u.WorkAlias).SingleOrDefaultAsync(ct);
        var slot = await db.CallbackBookings.AsNoTracking().Where(b => b.ComplaintId == row.Id)
            .OrderByDescending(b => b.CreatedAtUtc).Select(b => (DateTime?)b.SlotStartUtc).FirstOrDefaultAsync(ct);
        var finished = Lifecycle.IsFinished(row.Status) || row.Status == ComplaintStatus.Archived;
        var next = finished ? null : row.ProgressFeedbackDueUtc ?? Earliest(row.FirstReplyDueUtc, row.LetterReplyDueUtc);
        return (LookupOutcome.Found, new PublicStatusView(
            row.TrackingNumber, row.Status, row.ReceivedAtUtc, next, string.IsNullOrWhiteSpace(alias) ? null : alias,
            row.ProductLine, row.Description, row.Demands, slot));
    }

    private List<FieldError> Validate(PublicComplaintForm f, IReadOnlyList<DateTime> offered)
    {
        var errors = new List<FieldError>();
        void Required(string field, string? value, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) errors.Add(new FieldError(field, "PublicForm.Error.Required"));
            else if (value.Trim().Length > max) errors.Add(new FieldError(field, "PublicForm.Error.TooLong", max));
        }

        if (string.IsNullOrWhiteSpace(f.ProductLine)) errors.Add(new FieldError(nameof(f.ProductLine), "PublicForm.Error.Required"));
        else if (!ProductLines.Contains(f.ProductLine)) errors.Add(new FieldError(nameof(f.ProductLine), "PublicForm.Error.Choose"));
        if (f.Topic is null || !Enum.IsDefined(f.Topic.Value)) errors.Add(new FieldError(nameof(f.Topic), "PublicForm.Error.Required"));
        Required(nameof(f.Description), f.Description, 4000);
        Required(nameof(f.Demands), f.Demands, 1000);
        if (f.RespondentName?.Trim().Length > 100) errors.Add(new FieldError(nameof(f.RespondentName), "PublicForm.Error.TooLong", 100));
        Required(nameof(f.Name), f.Name, 50);
        if (string.IsNullOrWhiteSpace(f.Phone)) errors.Add(new FieldError(nameof(f.Phone), "PublicForm.Error.Required"));
        else if (NormalisePhone(f.Phone) is null) errors.Add(new FieldError(nameof(f.Phone), "PublicForm.Error.Phone"));
        if (!string.IsNullOrWhiteSpace(f.Email) && !IsEmail(f.Email.Trim())) errors.Add(new FieldError(nameof(f.Email), "PublicForm.Error.Email"));
        if (string.IsNullOrWhiteSpace(f.Province)) errors.Add(new FieldError(nameof(f.Province), "PublicForm.Error.Required"));
        else if (!Provinces.All.Contains(f.Province)) errors.Add(new FieldError(nameof(f.Province), "PublicForm.Error.Choose"));
        Required(nameof(f.City), f.City, 50);
        if (!Enum.IsDefined(f.SpecialGroup)) errors.Add(new FieldError(nameof(f.SpecialGroup), "PublicForm.Error.Choose"));
        if (!string.IsNullOrWhiteSpace(f.CallbackSlot))
        {
            if (f.SpecialGroup == SpecialGroup.None) errors.Add(new FieldError(nameof(f.CallbackSlot), "PublicForm.Error.SlotNeedsGroup"));
            else if (CallbackSlots.Parse(f.CallbackSlot) is not { } slot || !offered.Contains(slot))
                errors.Add(new FieldError(nameof(f.CallbackSlot), "PublicForm.Error.SlotUnavailable"));
        }
        return errors;
    }

    /// <summary>A mainland mobile number (11 digits from 13x–19x), with an optional +86 and separators removed; null if not one.</summary>
    public static string? NormalisePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        return MainlandMobile().IsMatch(digits) ? digits : null;
    }

    private static bool IsEmail(string text) =>
        text.Length <= 100 && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal);

    private static string TitleFrom(string description)
    {
        var line = description.Split('\n', 2)[0].Trim();
        return line.Length <= 40 ? line : line[..40] + "…";
    }

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private async Task<byte[]?> ReadAsync(PublicUpload upload, CancellationToken ct)
    {
        await using var stream = upload.Open();
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxFileBytes) return null;
        }
        return buffer.ToArray();
    }

    public void Dispose() => _lookupLimiter.Dispose();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex MainlandMobile();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Last4();
}
