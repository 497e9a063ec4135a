using ComplaintOps.Domain.Complaints;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ComplaintOps.Data;

public sealed class ComplaintOpsDb(DbContextOptions<ComplaintOpsDb> options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
    public DbSet<CalendarYearRecord> CalendarYears => Set<CalendarYearRecord>();
    public DbSet<DailySequence> DailySequences => Set<DailySequence>();
    public DbSet<Features.Attachments.Attachment> Attachments => Set<Features.Attachments.Attachment>();
    public DbSet<Domain.Audit.AuditEntry> AuditEntries => Set<Domain.Audit.AuditEntry>();
    public DbSet<Features.Triage.ClassificationRule> ClassificationRules => Set<Features.Triage.ClassificationRule>();
    public DbSet<Features.Triage.RiskRule> RiskRules => Set<Features.Triage.RiskRule>();
    public DbSet<Features.Intake.Api.ApiKey> ApiKeys => Set<Features.Intake.Api.ApiKey>();
    public DbSet<Features.Intake.Api.IdempotencyRecord> IdempotencyRecords => Set<Features.Intake.Api.IdempotencyRecord>();
    public DbSet<Features.Intake.Public.PublicLookupSecret> PublicLookupSecrets => Set<Features.Intake.Public.PublicLookupSecret>();
    public DbSet<Features.Intake.Public.CallbackBooking> CallbackBookings => Set<Features.Intake.Public.CallbackBooking>();
    public DbSet<Features.Triage.BatchDetection.BatchIncident> BatchIncidents => Set<Features.Triage.BatchDetection.BatchIncident>();
    public DbSet<Features.CrisisBoard.AlarmEvent> AlarmEvents => Set<Features.CrisisBoard.AlarmEvent>();
    public DbSet<Features.AnswerRate.CallInterval> CallIntervals => Set<Features.AnswerRate.CallInterval>();
    public DbSet<Features.Handling.Routing.HandlerProfile> HandlerProfiles => Set<Features.Handling.Routing.HandlerProfile>();
    public DbSet<Domain.Handling.CollaborationTask> CollaborationTasks => Set<Domain.Handling.CollaborationTask>();
    public DbSet<Features.Handling.Collaboration.DepartmentMember> DepartmentMembers => Set<Features.Handling.Collaboration.DepartmentMember>();
    public DbSet<Features.Handling.ProductPolicies.ProductPolicy> ProductPolicies => Set<Features.Handling.ProductPolicies.ProductPolicy>();
    public DbSet<Domain.Handling.CompensationEntry> CompensationEntries => Set<Domain.Handling.CompensationEntry>();
    public DbSet<Domain.Handling.MediationRecord> MediationRecords => Set<Domain.Handling.MediationRecord>();
    public DbSet<Domain.Handling.OutboundMessage> OutboundMessages => Set<Domain.Handling.OutboundMessage>();
    public DbSet<Domain.Handling.ArchiveRecord> ArchiveRecords => Set<Domain.Handling.ArchiveRecord>();
    public DbSet<Features.Satisfaction.SurveyInvitation> SurveyInvitations => Set<Features.Satisfaction.SurveyInvitation>();
    public DbSet<Features.Satisfaction.SatisfactionAnswer> SatisfactionAnswers => Set<Features.Satisfaction.SatisfactionAnswer>();
    public DbSet<Features.Satisfaction.CallbackTask> CallbackTasks => Set<Features.Satisfaction.CallbackTask>();
    public DbSet<Domain.Quality.SamplingPlan> SamplingPlans => Set<Domain.Quality.SamplingPlan>();
    public DbSet<Features.Quality.SamplingDraw> SamplingDraws => Set<Features.Quality.SamplingDraw>();
    public DbSet<Domain.Quality.Inspection> Inspections => Set<Domain.Quality.Inspection>();
    public DbSet<Features.Quality.SeniorInspector> SeniorInspectors => Set<Features.Quality.SeniorInspector>();
    public DbSet<Features.Reports.ReportDownload> ReportDownloads => Set<Features.Reports.ReportDownload>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ComplaintOpsDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Every DateTime is a UTC instant: read it back as Kind=Utc.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>
    /// Bumps the concurrency token of every changed complaint so a stale copy cannot overwrite it. Changes are detected
    /// once per save: the archive guard, the version bump, EF itself and the board's interceptor all walk the tracker, and
    /// each walk would otherwise detect changes over every tracked entity again (intake's group commit tracks hundreds).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var auto = DetectOnce();
        try
        {
            BumpVersions();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var auto = DetectOnce();
        try
        {
            BumpVersions();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = auto;
        }
    }

    /// <summary>Detects changes now and turns automatic detection off until the save ends; returns the previous setting.</summary>
    private bool DetectOnce()
    {
        var auto = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return auto;
    }

    private void BumpVersions()
    {
        ArchiveGuard.CheckSnapshots(this);
        foreach (var entry in ChangeTracker.Entries<Complaint>())
        {
            ArchiveGuard.Check(this, entry);
            // Only an existing complaint has a version to bump: new ones (intake inserts groups of them) are skipped at once.
            if (entry.State is not (EntityState.Modified or EntityState.Unchanged)) continue;
            var timelineGrew = entry.State == EntityState.Unchanged
                && entry.Collection(nameof(Complaint.Timeline)).CurrentValue is IEnumerable<TimelineEvent> timeline
                && timeline.Any(e => Entry(e).State == EntityState.Added);
            if (entry.State == EntityState.Modified || timelineGrew)
            {
                entry.Entity.BumpVersion();
                // Detection already ran: the bumped token is marked by hand. Only the token: a complaint whose timeline alone
                // grew is not rewritten column by column (every column set would rewrite every index of the table).
                entry.Property(nameof(Complaint.Version)).IsModified = true;
            }
        }
    }
}
