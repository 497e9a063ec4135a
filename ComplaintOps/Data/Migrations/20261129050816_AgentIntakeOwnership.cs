using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class AgentIntakeOwnership : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: complaints saved before owners were required get their handler (or the system) as owner.
            migrationBuilder.Sql("UPDATE Complaints SET OwnerId = COALESCE(NULLIF(OwnerId, ''), HandlerId, 'system'), OwnerName = COALESCE(NULLIF(OwnerName, ''), HandlerName, 'System') WHERE OwnerId IS NULL OR OwnerId = '' OR OwnerName IS NULL OR OwnerName = '';");

            migrationBuilder.AlterColumn<string>(
                name: "OwnerName",
                table: "Complaints",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "OwnerId",
                table: "Complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandOverById",
                table: "Complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "HandOverOfferedAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandOverReason",
                table: "Complaints",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandOverToId",
                table: "Complaints",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandOverToName",
                table: "Complaints",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_HandOverToId",
                table: "Complaints",
                column: "HandOverToId");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_OwnerId_Status",
                table: "Complaints",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Complaints_Owner",
                table: "Complaints",
                sql: "length(OwnerId) > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Complaints_HandOverToId",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_OwnerId_Status",
                table: "Complaints");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Complaints_Owner",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "HandOverById",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "HandOverOfferedAtUtc",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "HandOverReason",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "HandOverToId",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "HandOverToName",
                table: "Complaints");

            migrationBuilder.AlterColumn<string>(
                name: "OwnerName",
                table: "Complaints",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "OwnerId",
                table: "Complaints",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);
        }
    }
}
