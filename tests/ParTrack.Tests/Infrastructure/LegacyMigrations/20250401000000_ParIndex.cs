using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ParTrack.Tests.Infrastructure.LegacyMigrations;

// PAR Index tables (Features/ParIndex), written by hand like Initial; MigrationSchemaTests guards drift.
[DbContext(typeof(LegacyAppDbContext))]
[Migration("20250401000000_ParIndex")]
public sealed class ParIndexTables : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("ParCriteriaSets", t => new
        {
            Id = Identity(t),
            Year = t.Column<int>(nullable: false),
            Group = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 4000, nullable: false),
            Revision = t.Column<int>(nullable: false),
            Json = t.Column<string>(nullable: false),
            UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ParCriteriaSets", x => x.Id));

        m.CreateTable("ParRounds", t => new
        {
            Id = Identity(t),
            Year = t.Column<int>(nullable: false),
            Title = t.Column<string>(maxLength: 4000, nullable: false),
            Stage = t.Column<string>(maxLength: 20, nullable: false),
            SelfAssessmentDeadline = t.Column<DateOnly>(nullable: false),
            AppraisalStart = t.Column<DateOnly>(nullable: false),
            AppraisalEnd = t.Column<DateOnly>(nullable: false),
            ClarificationStart = t.Column<DateOnly>(nullable: false),
            ClarificationEnd = t.Column<DateOnly>(nullable: false),
            PublishOn = t.Column<DateOnly>(nullable: false),
            SurveyIncluded = t.Column<bool>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ParRounds", x => x.Id));

        m.CreateTable("ParAssessments", t => new
        {
            Id = Identity(t),
            RoundId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            Group = t.Column<string>(maxLength: 20, nullable: false),
            SetId = t.Column<int>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            SubmittedAtUtc = t.Column<DateTime>(nullable: true),
            Excluded = t.Column<string>(maxLength: 4000, nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ParAssessments", x => x.Id);
            t.ForeignKey("FK_ParAssessments_ParRounds_RoundId", x => x.RoundId, "ParRounds", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ParAssessments_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_ParAssessments_ParCriteriaSets_SetId", x => x.SetId, "ParCriteriaSets", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("ParScores", t => new
        {
            Id = Identity(t),
            AssessmentId = t.Column<int>(nullable: false),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            SelfPoints = t.Column<decimal>(precision: 9, scale: 2, nullable: true),
            Explanation = t.Column<string>(maxLength: 4000, nullable: true),
            AppraisedPoints = t.Column<decimal>(precision: 9, scale: 2, nullable: true),
            AppraisalReason = t.Column<string>(maxLength: 4000, nullable: true),
            Clarification = t.Column<string>(maxLength: 4000, nullable: true),
            SurveyPoints = t.Column<decimal>(precision: 9, scale: 2, nullable: true),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ParScores", x => x.Id);
            t.ForeignKey("FK_ParScores_ParAssessments_AssessmentId", x => x.AssessmentId, "ParAssessments", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ParEvidence", t => new
        {
            Id = Identity(t),
            AssessmentId = t.Column<int>(nullable: false),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            FileName = t.Column<string>(maxLength: 300, nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Size = t.Column<long>(nullable: false),
            ReportId = t.Column<int>(nullable: true),
            UploadedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ParEvidence", x => x.Id);
            t.ForeignKey("FK_ParEvidence_ParAssessments_AssessmentId", x => x.AssessmentId, "ParAssessments", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ParCriterionActivities", t => new
        {
            Id = Identity(t),
            Year = t.Column<int>(nullable: false),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            ActivityId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ParCriterionActivities", x => x.Id);
            t.ForeignKey("FK_ParCriterionActivities_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateIndex("IX_ParCriteriaSets_Year_Group", "ParCriteriaSets", ["Year", "Group"], unique: true);
        m.CreateIndex("IX_ParRounds_Year", "ParRounds", "Year");
        m.CreateIndex("IX_ParAssessments_RoundId_AgencyId", "ParAssessments", ["RoundId", "AgencyId"], unique: true);
        m.CreateIndex("IX_ParAssessments_AgencyId", "ParAssessments", "AgencyId");
        m.CreateIndex("IX_ParAssessments_SetId", "ParAssessments", "SetId");
        m.CreateIndex("IX_ParScores_AssessmentId_Code", "ParScores", ["AssessmentId", "Code"], unique: true);
        m.CreateIndex("IX_ParEvidence_AssessmentId_Code", "ParEvidence", ["AssessmentId", "Code"]);
        m.CreateIndex("IX_ParEvidence_Sha256", "ParEvidence", "Sha256");
        m.CreateIndex("IX_ParCriterionActivities_Year_Code_ActivityId", "ParCriterionActivities", ["Year", "Code", "ActivityId"], unique: true);
        m.CreateIndex("IX_ParCriterionActivities_ActivityId", "ParCriterionActivities", "ActivityId");
    }

    static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "ParCriterionActivities", "ParEvidence", "ParScores", "ParAssessments", "ParRounds", "ParCriteriaSets" })
            m.DropTable(table);
    }
}
