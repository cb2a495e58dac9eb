using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "Plans",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Plans",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAtUtc",
                table: "Plans",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplacesPlanId",
                table: "Plans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Activities",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ContentHash",
                table: "Plans",
                column: "ContentHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plans_ContentHash",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "EndedAtUtc",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ReplacesPlanId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "Activities");

            migrationBuilder.DropColumn(
                name: "CancelledAtUtc",
                table: "Activities");
        }
    }
}
