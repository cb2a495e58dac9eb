using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationEmailChoice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "MailedAtUtc",
                table: "Notification",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Topic",
                table: "Notification",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmailChoice",
                columns: table => new
                {
                    UserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Topics = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailChoice", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_EmailChoice_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notification_MailedAtUtc",
                table: "Notification",
                column: "MailedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailChoice");

            migrationBuilder.DropIndex(
                name: "IX_Notification_MailedAtUtc",
                table: "Notification");

            migrationBuilder.DropColumn(
                name: "MailedAtUtc",
                table: "Notification");

            migrationBuilder.DropColumn(
                name: "Topic",
                table: "Notification");
        }
    }
}
