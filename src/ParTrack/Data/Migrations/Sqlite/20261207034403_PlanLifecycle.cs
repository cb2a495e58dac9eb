using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "Plans",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndedAtUtc",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplacesPlanId",
                table: "Plans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Activities",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAtUtc",
                table: "Activities",
                type: "TEXT",
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
