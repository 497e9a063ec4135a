using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvestigationAndCollaboration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.AddColumn<int>(
                name: "VerifiedByDepartment",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

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
                name: "IX_Complaints_RespondentName",
                table: "Complaints",
                column: "RespondentName");

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
                name: "IX_DepartmentMembers_UserId_Department",
                table: "DepartmentMembers",
                columns: new[] { "UserId", "Department" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProductPolicies_ProductLine_Active",
                table: "ProductPolicies",
                columns: new[] { "ProductLine", "Active" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CollaborationTasks");

            migrationBuilder.DropTable(
                name: "DepartmentMembers");

            migrationBuilder.DropTable(
                name: "ProductPolicies");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ComplainantPhone",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_RespondentName",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "DepartmentVerification",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "DepartmentVerifiedAtUtc",
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
                name: "VerifiedByDepartment",
                table: "Complaints");
        }
    }
}
