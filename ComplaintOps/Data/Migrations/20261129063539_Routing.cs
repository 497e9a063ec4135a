using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ComplaintOps.Data.Migrations
{
    /// <inheritdoc />
    public partial class Routing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "EscalatedFor",
                table: "Complaints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "RoutedAtUtc",
                table: "Complaints",
                type: "TEXT",
                nullable: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_MyQueue",
                table: "Complaints",
                columns: new[] { "HandlerId", "NextDueUtc" },
                filter: "\"Status\" < 5");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_RoutingWaiting",
                table: "Complaints",
                columns: new[] { "RoutedAtUtc", "ReceivedAtUtc" },
                filter: "\"RoutedAtUtc\" IS NULL AND \"Status\" < 5");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HandlerProfiles");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_MyQueue",
                table: "Complaints");

            migrationBuilder.DropIndex(
                name: "IX_Complaints_RoutingWaiting",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "EscalatedFor",
                table: "Complaints");

            migrationBuilder.DropColumn(
                name: "RoutedAtUtc",
                table: "Complaints");
        }
    }
}
