using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplaintOps.Domain.Complaints;

namespace ComplaintOps.Domain.Handling;

/// <summary>A file kept with the case, as the archive lists it: name, type, size and the SHA-256 of its content.</summary>
public sealed record ArchivedAttachment(long Id, string Kind, string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// The archived case (R27, §9.6.5): one JSON document of the case, its timeline, its attachments with
/// content hashes, its compensation ledger, mediation records and every text sent out, plus the SHA-256
/// of that document. Written once; <see cref="Verify"/> finds any change made afterwards.
/// </summary>
public sealed class ArchiveRecord
{
    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public string TrackingNumber { get; private set; } = "";
    public ComplaintStatus Outcome { get; private set; }
    public DateTime ArchivedAtUtc { get; private set; }
    public string ArchivedById { get; private set; } = "";
    public string ArchivedByName { get; private set; } = "";
    public string SnapshotJson { get; private set; } = "";
    public string SnapshotSha256 { get; private set; } = "";

    private ArchiveRecord() { }

    public static ArchiveRecord Take(
        Complaint c, IEnumerable<ArchivedAttachment> attachments, IEnumerable<CompensationEntry> compensation,
        IEnumerable<MediationRecord> mediation, IEnumerable<OutboundMessage> outbound, Actor by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.Status == ComplaintStatus.Archived)
            throw new DomainException("CaseArchived", $"{c.TrackingNumber} is archived and read-only; nothing on it can change.");
        if (!Lifecycle.IsFinished(c.Status))
            throw new DomainException("NotFinished", "Only a finished case (closed, referred, not established, out of scope) is archived.");
        var json = Serialize(c, attachments, compensation, mediation, outbound, UtcInstant.Require(nowUtc));
        return new ArchiveRecord
        {
            ComplaintId = c.Id,
            TrackingNumber = c.TrackingNumber,
            Outcome = c.Status,
            ArchivedAtUtc = nowUtc,
            ArchivedById = by.Id,
            ArchivedByName = by.Name,
            SnapshotJson = json,
            SnapshotSha256 = Hash(json),
        };
    }

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>
    /// True when the snapshot still hashes to its stored hash and that hash is the one the complaint's
    /// timeline recorded at archiving (so rewriting both the snapshot and its hash column is found too).
    /// </summary>
    public bool Verify(string? hashOnComplaint) =>
        Hash(SnapshotJson) == SnapshotSha256 && string.Equals(SnapshotSha256, hashOnComplaint, StringComparison.Ordinal);

    private static string Serialize(
        Complaint c, IEnumerable<ArchivedAttachment> attachments, IEnumerable<CompensationEntry> compensation,
        IEnumerable<MediationRecord> mediation, IEnumerable<OutboundMessage> outbound, DateTime nowUtc)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("format", "complaintops-archive/1");
            w.WriteString("snapshotAtUtc", Iso(nowUtc));
            w.WriteStartObject("complaint");
            w.WriteNumber("id", c.Id);
            w.WriteString("trackingNumber", c.TrackingNumber);
            w.WriteString("status", c.Status.ToString());
            w.WriteString("channel", c.Channel.ToString());
            w.WriteString("sourceName", c.SourceName);
            w.WriteString("sourceReference", c.SourceReference);
            w.WriteString("specialGroup", c.SpecialGroup.ToString());
            w.WriteStartObject("complainant");
            w.WriteString("name", c.Complainant.Name);
            w.WriteString("phone", c.Complainant.Phone);
            w.WriteString("email", c.Complainant.Email);
            w.WriteString("idNumber", c.Complainant.IdNumber);
            w.WriteString("province", c.Complainant.Province);
            w.WriteString("city", c.Complainant.City);
            w.WriteEndObject();
            w.WriteStartObject("respondent");
            w.WriteString("kind", c.Respondent.Kind.ToString());
            w.WriteString("name", c.Respondent.Name);
            w.WriteEndObject();
            w.WriteString("productLine", c.ProductLine);
            w.WriteString("problemType", c.ProblemType.ToString());
            w.WriteString("problemSubType", c.ProblemSubType.ToString());
            w.WriteString("severity", c.Severity.ToString());
            w.WriteString("highRiskTriggers", c.HighRiskTriggers.ToString());
            w.WriteString("riskLevel", c.RiskLevel.ToString());
            w.WriteString("title", c.Title);
            w.WriteString("description", c.Description);
            w.WriteString("demands", c.Demands);
            w.WriteString("owner", c.OwnerName);
            w.WriteString("handler", c.HandlerName);
            w.WriteString("tier", c.Tier.ToString());
            w.WriteString("resolution", c.Resolution);
            w.WriteString("solutionProposal", c.SolutionProposal);
            w.WriteString("complainantAgrees", Answer(c.ComplainantAgrees));
            w.WriteString("complainantComment", c.ComplainantComment);
            w.WriteString("respondentAgrees", Answer(c.RespondentAgrees));
            w.WriteString("respondentComment", c.RespondentComment);
            w.WriteString("solutionCarriedOut", c.SolutionCarriedOutNote);
            w.WriteString("referralRoute", c.ReferralRoute?.ToString());
            w.WriteString("referralNote", c.ReferralNote);
            w.WriteString("preHandlingPlan", c.PreHandlingPlan);
            w.WriteString("emergencyResponseLine", c.EmergencyResponseLine);
            w.WriteString("handlingPlan", c.HandlingPlan);
            w.WriteString("receivedAtUtc", Iso(c.ReceivedAtUtc));
            w.WriteString("acceptedAtUtc", Iso(c.AcceptedAtUtc));
            w.WriteString("firstReplyAtUtc", Iso(c.FirstReplyAtUtc));
            w.WriteString("finishedAtUtc", Iso(c.FinishedAtUtc));
            w.WriteEndObject();

            w.WriteStartArray("timeline");
            foreach (var e in c.Timeline.OrderBy(e => e.AtUtc).ThenBy(e => e.Id))
            {
                w.WriteStartObject();
                w.WriteString("atUtc", Iso(e.AtUtc));
                w.WriteString("kind", e.Kind.ToString());
                w.WriteString("actorId", e.ActorId);
                w.WriteString("actor", e.ActorName);
                w.WriteString("field", e.Field);
                w.WriteString("before", e.Before);
                w.WriteString("after", e.After);
                w.WriteString("note", e.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("attachments");
            foreach (var a in attachments.OrderBy(a => a.Id))
            {
                w.WriteStartObject();
                w.WriteNumber("id", a.Id);
                w.WriteString("kind", a.Kind);
                w.WriteString("fileName", a.FileName);
                w.WriteString("contentType", a.ContentType);
                w.WriteNumber("size", a.Size);
                w.WriteString("sha256", a.Sha256);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("compensation");
            foreach (var x in compensation.OrderBy(x => x.Id))
            {
                w.WriteStartObject();
                w.WriteNumber("amountCents", x.AmountCents);
                w.WriteString("kind", x.Kind.ToString());
                w.WriteString("reason", x.Reason);
                w.WriteString("status", x.Status.ToString());
                w.WriteBoolean("fastTrack", x.FastTrack);
                w.WriteString("proposedBy", x.ProposedByName);
                w.WriteString("proposedAtUtc", Iso(x.ProposedAtUtc));
                w.WriteString("decidedBy", x.DecidedByName);
                w.WriteString("decidedAs", x.DecidedAs.ToString());
                w.WriteString("decidedAtUtc", Iso(x.DecidedAtUtc));
                w.WriteString("decisionNote", x.DecisionNote);
                w.WriteString("paidAtUtc", Iso(x.PaidAtUtc));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("mediation");
            foreach (var m in mediation.OrderBy(m => m.Id))
            {
                w.WriteStartObject();
                w.WriteString("level", m.Level.ToString());
                w.WriteString("requiredLevel", m.RequiredLevel.ToString());
                w.WriteString("mediator", m.MediatorName);
                w.WriteString("summary", m.Summary);
                w.WriteString("overrideReason", m.OverrideReason);
                w.WriteString("atUtc", Iso(m.AtUtc));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("outbound");
            foreach (var o in outbound.OrderBy(o => o.Id))
            {
                w.WriteStartObject();
                w.WriteString("kind", o.Kind.ToString());
                w.WriteString("recipient", o.Recipient.ToString());
                w.WriteString("channel", o.Channel.ToString());
                w.WriteString("alias", o.SignedAlias);
                w.WriteString("text", o.Text);
                w.WriteString("atUtc", Iso(o.AtUtc));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string? Answer(bool? agrees) => agrees switch { true => "Agree", false => "Disagree", null => null };

    private static string? Iso(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
}
