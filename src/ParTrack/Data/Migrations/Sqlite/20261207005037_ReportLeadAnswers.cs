using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportLeadAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LeadAnswers",
                table: "AgencyReport",
                type: "TEXT",
                nullable: true);

            // Reports already submitted or accepted get their lead answers now (Progress reads them instead of the entries);
            // kept by hand: a regenerated migration needs this statement again.
            migrationBuilder.Sql("""
                UPDATE "AgencyReport" SET "LeadAnswers" = COALESCE((SELECT group_concat(x, ';') FROM (SELECT e."ActivityId" || ',' || e."Status" || ',' || COALESCE(e."Percent", '') || ',' || COALESCE(e."CompletedOn", '') AS x FROM "ReportEntry" e WHERE e."ReportId" = "AgencyReport"."Id" AND e."Leads" AND e."Status" IS NOT NULL ORDER BY e."ActivityId")), '') WHERE "State" IN ('Submitted', 'Accepted');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LeadAnswers",
                table: "AgencyReport");
        }
    }
}
