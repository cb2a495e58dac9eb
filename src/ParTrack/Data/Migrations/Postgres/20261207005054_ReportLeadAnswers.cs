using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            // Reports already submitted or accepted get their lead answers now (Progress reads them instead of the entries);
            // kept by hand: a regenerated migration needs this statement again.
            migrationBuilder.Sql("""
                UPDATE "AgencyReport" r SET "LeadAnswers" = COALESCE((SELECT string_agg(e."ActivityId"::text || ',' || e."Status" || ',' || COALESCE(e."Percent"::text, '') || ',' || COALESCE(to_char(e."CompletedOn", 'YYYY-MM-DD'), ''), ';' ORDER BY e."ActivityId") FROM "ReportEntry" e WHERE e."ReportId" = r."Id" AND e."Leads" AND e."Status" IS NOT NULL), '') WHERE r."State" IN ('Submitted', 'Accepted');
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
