using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class BatchDetectionAndAnswerRate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BatchIncidentId",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuplicateOfId",
                table: "Complaints",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AlarmEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    BatchIncidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    ComplaintId = table.Column<int>(type: "INTEGER", nullable: true),
                    RaisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlarmEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BatchIncidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductLine = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProblemType = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provinces = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ProvinceCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplaintCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FormedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BatchIncidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CallIntervals",
                columns: table => new
                {
                    IntervalStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Offered = table.Column<int>(type: "INTEGER", nullable: false),
                    Answered = table.Column<int>(type: "INTEGER", nullable: false),
                    Abandoned = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallIntervals", x => x.IntervalStartUtc);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_BatchIncidentId",
                table: "Complaints",
                column: "BatchIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_DuplicateOfId",
                table: "Complaints",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ProductLine_ProblemType_ReceivedAtUtc",
                table: "Complaints",
                columns: new[] { "ProductLine", "ProblemType", "ReceivedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AlarmEvents_BatchIncidentId",
                table: "AlarmEvents",
                column: "BatchIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AlarmEvents_RaisedAtUtc",
                table: "AlarmEvents",
                column: "RaisedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_BatchIncidents_LastSeenUtc",
                table: "BatchIncidents",
                column: "LastSeenUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlarmEvents");

            migrationBuilder.DropTable(
                name: "BatchIncidents");

            migrationBuilder.DropTable(
                name: "CallIntervals");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_BatchIncidentId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_DuplicateOfId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_ProductLine_ProblemType_ReceivedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "BatchIncidentId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Complaints");
        }
    }
}
