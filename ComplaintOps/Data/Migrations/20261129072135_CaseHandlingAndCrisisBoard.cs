using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseHandlingAndCrisisBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ArchiveSha256",
                table: "Complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ArchivedFrom",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ComplainantAgrees",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComplainantComment",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DepartmentVerification",
                table: "Complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DepartmentVerifiedAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalatedFor",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "InvestigationCause",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvestigationDamage",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvestigationDemand",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "InvestigationRecordedAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InvestigationRecordedByName",
                table: "Complaints",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "JointRiskAssessedAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JointRiskAssessedByName",
                table: "Complaints",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "JointRiskAssessment",
                table: "Complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LegalRiskEscalatedAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalRiskReason",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LegalRisks",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReferralNote",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReferralRoute",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RespondentAgrees",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RespondentComment",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResultSentToComplainantAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResultSentToRespondentAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RoutedAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SolutionCarriedOutAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SolutionCarriedOutNote",
                table: "Complaints",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SolutionProposal",
                table: "Complaints",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SolutionProposedAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "VerifiedByDepartment",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgeNote",
                table: "AlarmEvents",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAtUtc",
                table: "AlarmEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedById",
                table: "AlarmEvents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedByName",
                table: "AlarmEvents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "AlarmEvents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EscalatedAtUtc",
                table: "AlarmEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Key",
                table: "AlarmEvents",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Level",
                table: "AlarmEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedAtUtc",
                table: "AlarmEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "AlarmEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ArchiveRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    ArchivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ArchivedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    SnapshotSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArchiveRecords_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CollaborationTasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Department = table.Column<int>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<int>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OpenedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollaborationTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CompensationEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    TrackingNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FastTrack = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProductLine = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MonthKey = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ProposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAs = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PaidAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompensationEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompensationEntries_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DepartmentMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Department = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandlerProfiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductLines = table.Column<string>(type: "TEXT", nullable: false),
                    ProblemTypes = table.Column<string>(type: "TEXT", nullable: false),
                    TakesNewCases = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandlerProfiles", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "MediationRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    MediatorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MediationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MediationRecords_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutboundMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipient = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SignedAlias = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundMessages_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProductPolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductLine = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductPolicies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ComplainantPhone",
                table: "Complaints",
                column: "ComplainantPhone");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_MyQueue",
                table: "Complaints",
                columns: new[] { "HandlerId", "NextDueUtc" },
                filter: "\"Status\" < 5");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RespondentName",
                table: "Complaints",
                column: "RespondentName");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RoutingWaiting",
                table: "Complaints",
                columns: new[] { "RoutedAtUtc", "ReceivedAtUtc" },
                filter: "\"RoutedAtUtc\" IS NULL AND \"Status\" < 5");

            migrationBuilder.CreateIndex(
                name: "IX_AlarmEvents_AcknowledgedAtUtc_Severity_RaisedAtUtc",
                table: "AlarmEvents",
                columns: new[] { "AcknowledgedAtUtc", "Severity", "RaisedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmEvents_ComplaintId",
                table: "AlarmEvents",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_AlarmEvents_Key",
                table: "AlarmEvents",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveRecords_ComplaintId",
                table: "ArchiveRecords",
                column: "ComplaintId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationTasks_ComplaintId",
                table: "CollaborationTasks",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationTasks_Department_Status_DueUtc",
                table: "CollaborationTasks",
                columns: new[] { "Department", "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CollaborationTasks_Status_DueUtc",
                table: "CollaborationTasks",
                columns: new[] { "Status", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CompensationEntries_ComplaintId_Id",
                table: "CompensationEntries",
                columns: new[] { "ComplaintId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CompensationEntries_MonthKey_ProductLine_RespondentName",
                table: "CompensationEntries",
                columns: new[] { "MonthKey", "ProductLine", "RespondentName" });

            migrationBuilder.CreateIndex(
                name: "IX_CompensationEntries_Status_ProposedAtUtc",
                table: "CompensationEntries",
                columns: new[] { "Status", "ProposedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentMembers_UserId_Department",
                table: "DepartmentMembers",
                columns: new[] { "UserId", "Department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MediationRecords_ComplaintId_AtUtc",
                table: "MediationRecords",
                columns: new[] { "ComplaintId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMessages_ComplaintId_AtUtc",
                table: "OutboundMessages",
                columns: new[] { "ComplaintId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductPolicies_ProductLine_Active",
                table: "ProductPolicies",
                columns: new[] { "ProductLine", "Active" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchiveRecords");

            migrationBuilder.DropTable(
                name: "CollaborationTasks");

            migrationBuilder.DropTable(
                name: "CompensationEntries");

            migrationBuilder.DropTable(
                name: "DepartmentMembers");

            migrationBuilder.DropTable(
                name: "HandlerProfiles");

            migrationBuilder.DropTable(
                name: "MediationRecords");

            migrationBuilder.DropTable(
                name: "OutboundMessages");

            migrationBuilder.DropTable(
                name: "ProductPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ComplainantPhone",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_MyQueue",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_RespondentName",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_RoutingWaiting",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_AlarmEvents_AcknowledgedAtUtc_Severity_RaisedAtUtc",
                table: "AlarmEvents");

            migrationBuilder.DropIndex(
                name: "IX_AlarmEvents_ComplaintId",
                table: "AlarmEvents");

            migrationBuilder.DropIndex(
                name: "IX_AlarmEvents_Key",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "ArchiveSha256",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ArchivedFrom",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ComplainantAgrees",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ComplainantComment",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "DepartmentVerification",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "DepartmentVerifiedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "EscalatedFor",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationCause",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationDamage",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationDemand",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationRecordedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "InvestigationRecordedByName",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "JointRiskAssessedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "JointRiskAssessedByName",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "JointRiskAssessment",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LegalRiskEscalatedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LegalRiskReason",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "LegalRisks",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ReferralNote",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ReferralRoute",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RespondentAgrees",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RespondentComment",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ResultSentToComplainantAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "ResultSentToRespondentAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RoutedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SolutionCarriedOutAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SolutionCarriedOutNote",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SolutionProposal",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "SolutionProposedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "VerifiedByDepartment",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "AcknowledgeNote",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAtUtc",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "AcknowledgedById",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "AcknowledgedByName",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "EscalatedAtUtc",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "Level",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "ResolvedAtUtc",
                table: "AlarmEvents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AlarmEvents");
        }
    }
}
