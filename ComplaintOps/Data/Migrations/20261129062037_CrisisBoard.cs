using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class CrisisBoard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
