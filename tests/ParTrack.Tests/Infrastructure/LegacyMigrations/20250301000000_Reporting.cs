using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ParTrack.Tests.Infrastructure.LegacyMigrations;

// The reporting cycle's tables (periods, agency reports, evidence, versions, notifications, sent
// reminders). Hand-written like Initial; MigrationSchemaTests compares it with the model.
[DbContext(typeof(LegacyAppDbContext))]
[Migration("20250301000000_Reporting")]
public sealed class Reporting : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("PlanReportingCalendar", t => new
        {
            PlanId = t.Column<int>(nullable: false),
            CutOffDay = t.Column<int>(nullable: false),
            SubmitDay = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanReportingCalendar", x => x.PlanId);
            t.ForeignKey("FK_PlanReportingCalendar_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ReportPeriod", t => new
        {
            Id = Identity(t),
            PlanId = t.Column<int>(nullable: false),
            Year = t.Column<int>(nullable: false),
            Kind = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 300, nullable: false),
            DataFrom = t.Column<DateOnly>(nullable: false),
            DataTo = t.Column<DateOnly>(nullable: false),
            Deadline = t.Column<DateOnly>(nullable: false),
            Questions = t.Column<string>(maxLength: 20000, nullable: true),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReportPeriod", x => x.Id);
            t.ForeignKey("FK_ReportPeriod_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ReportRequestAgency", t => new
        {
            Id = Identity(t),
            PeriodId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReportRequestAgency", x => x.Id);
            t.ForeignKey("FK_ReportRequestAgency_ReportPeriod_PeriodId", x => x.PeriodId, "ReportPeriod", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ReportRequestAgency_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("AgencyReport", t => new
        {
            Id = Identity(t),
            PeriodId = t.Column<int>(nullable: false),
            AgencyId = t.Column<int>(nullable: false),
            State = t.Column<string>(maxLength: 20, nullable: false),
            Results = t.Column<string>(maxLength: 20000, nullable: true),
            Limitations = t.Column<string>(maxLength: 20000, nullable: true),
            Difficulties = t.Column<string>(maxLength: 20000, nullable: true),
            Proposals = t.Column<string>(maxLength: 20000, nullable: true),
            Answers = t.Column<string>(maxLength: 20000, nullable: true),
            FirstSubmittedAtUtc = t.Column<DateTime>(nullable: true),
            SubmittedAtUtc = t.Column<DateTime>(nullable: true),
            ReviewedAtUtc = t.Column<DateTime>(nullable: true),
            ReviewComment = t.Column<string>(maxLength: 20000, nullable: true),
            Revision = t.Column<int>(nullable: false),
            UpdatedAtUtc = t.Column<DateTime>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgencyReport", x => x.Id);
            t.ForeignKey("FK_AgencyReport_ReportPeriod_PeriodId", x => x.PeriodId, "ReportPeriod", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AgencyReport_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("ReportEntry", t => new
        {
            Id = Identity(t),
            ReportId = t.Column<int>(nullable: false),
            ActivityId = t.Column<int>(nullable: false),
            Leads = t.Column<bool>(nullable: false),
            Status = t.Column<string>(maxLength: 20, nullable: true),
            Percent = t.Column<int>(nullable: true),
            WorkDone = t.Column<string>(maxLength: 20000, nullable: true),
            Reason = t.Column<string>(maxLength: 4000, nullable: true),
            CompletedOn = t.Column<DateOnly>(nullable: true),
            ReviewComment = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReportEntry", x => x.Id);
            t.ForeignKey("FK_ReportEntry_AgencyReport_ReportId", x => x.ReportId, "AgencyReport", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ReportEntry_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("StoredFile", t => new
        {
            Id = Identity(t),
            Sha256 = t.Column<string>(maxLength: 64, nullable: false),
            Size = t.Column<long>(nullable: false),
            ContentType = t.Column<string>(maxLength: 100, nullable: false),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_StoredFile", x => x.Id));

        m.CreateTable("Evidence", t => new
        {
            Id = Identity(t),
            EntryId = t.Column<int>(nullable: false),
            FileId = t.Column<int>(nullable: true),
            FileName = t.Column<string>(maxLength: 300, nullable: true),
            DocNumber = t.Column<string>(maxLength: 100, nullable: true),
            DocDate = t.Column<DateOnly>(nullable: true),
            DocSummary = t.Column<string>(maxLength: 4000, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Evidence", x => x.Id);
            t.ForeignKey("FK_Evidence_ReportEntry_EntryId", x => x.EntryId, "ReportEntry", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Evidence_StoredFile_FileId", x => x.FileId, "StoredFile", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("MeasureActual", t => new
        {
            Id = Identity(t),
            ReportId = t.Column<int>(nullable: false),
            MeasureId = t.Column<int>(nullable: false),
            Value = t.Column<decimal>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeasureActual", x => x.Id);
            t.ForeignKey("FK_MeasureActual_AgencyReport_ReportId", x => x.ReportId, "AgencyReport", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_MeasureActual_TargetMeasures_MeasureId", x => x.MeasureId, "TargetMeasures", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ReportVersion", t => new
        {
            Id = Identity(t),
            ReportId = t.Column<int>(nullable: false),
            Number = t.Column<int>(nullable: false),
            Action = t.Column<string>(maxLength: 20, nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 100, nullable: false),
            Comment = t.Column<string>(maxLength: 20000, nullable: true),
            Content = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ReportVersion", x => x.Id);
            t.ForeignKey("FK_ReportVersion_AgencyReport_ReportId", x => x.ReportId, "AgencyReport", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Notification", t => new
        {
            Id = Identity(t),
            UserId = t.Column<int>(nullable: true),
            AgencyId = t.Column<int>(nullable: true),
            Text = t.Column<string>(maxLength: 4000, nullable: false),
            Url = t.Column<string>(maxLength: 300, nullable: true),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
            ReadAtUtc = t.Column<DateTime>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Notification", x => x.Id);
            t.ForeignKey("FK_Notification_Users_UserId", x => x.UserId, "Users", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Notification_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("SentReminder", t => new
        {
            Id = Identity(t),
            Key = t.Column<string>(maxLength: 300, nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_SentReminder", x => x.Id));

        m.CreateIndex("IX_ReportPeriod_PlanId_Year", "ReportPeriod", ["PlanId", "Year"]);
        m.CreateIndex("IX_ReportRequestAgency_PeriodId_AgencyId", "ReportRequestAgency", ["PeriodId", "AgencyId"], unique: true);
        m.CreateIndex("IX_ReportRequestAgency_AgencyId", "ReportRequestAgency", "AgencyId");
        m.CreateIndex("IX_AgencyReport_PeriodId_AgencyId", "AgencyReport", ["PeriodId", "AgencyId"], unique: true);
        m.CreateIndex("IX_AgencyReport_AgencyId", "AgencyReport", "AgencyId");
        m.CreateIndex("IX_ReportEntry_ReportId_ActivityId", "ReportEntry", ["ReportId", "ActivityId"], unique: true);
        m.CreateIndex("IX_ReportEntry_ActivityId", "ReportEntry", "ActivityId");
        m.CreateIndex("IX_StoredFile_Sha256", "StoredFile", "Sha256", unique: true);
        m.CreateIndex("IX_Evidence_EntryId", "Evidence", "EntryId");
        m.CreateIndex("IX_Evidence_FileId", "Evidence", "FileId");
        m.CreateIndex("IX_MeasureActual_ReportId_MeasureId", "MeasureActual", ["ReportId", "MeasureId"], unique: true);
        m.CreateIndex("IX_MeasureActual_MeasureId", "MeasureActual", "MeasureId");
        m.CreateIndex("IX_ReportVersion_ReportId_Number", "ReportVersion", ["ReportId", "Number"], unique: true);
        m.CreateIndex("IX_Notification_UserId", "Notification", "UserId");
        m.CreateIndex("IX_Notification_AgencyId", "Notification", "AgencyId");
        m.CreateIndex("IX_SentReminder_Key", "SentReminder", "Key", unique: true);
    }

    static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "SentReminder", "Notification", "ReportVersion", "MeasureActual", "Evidence", "StoredFile",
                     "ReportEntry", "AgencyReport", "ReportRequestAgency", "ReportPeriod", "PlanReportingCalendar" })
            m.DropTable(table);
    }
}
