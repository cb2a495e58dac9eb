using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ParTrack.Data.Migrations;

// Issue #9, Features/Reporting:
// - a new period's report starts from the agency's previous report (CarryForward): each copied answer and
//   actual value is marked until the officer confirms or changes it;
// - each target measure has its rule for the province figure (MeasureAggregation: sum, mean, minimum, or the
//   figure the coordinator enters per period, ProvinceActual).
[DbContext(typeof(AppDbContext))]
[Migration("20261206120000_ReportingProgress")]
public sealed class ReportingProgress : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("CarriedForward", "ReportEntry", nullable: false, defaultValue: false);
        m.AddColumn<bool>("CarriedForward", "MeasureActual", nullable: false, defaultValue: false);
        if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            // The default only fills existing rows; the model has none (SQLite cannot drop it, and does not need to).
            m.Sql("ALTER TABLE \"ReportEntry\" ALTER COLUMN \"CarriedForward\" DROP DEFAULT");
            m.Sql("ALTER TABLE \"MeasureActual\" ALTER COLUMN \"CarriedForward\" DROP DEFAULT");
        }

        m.CreateTable("MeasureAggregation", t => new
        {
            MeasureId = t.Column<int>(nullable: false),
            Rule = t.Column<string>(maxLength: 20, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_MeasureAggregation", x => x.MeasureId);
            t.ForeignKey("FK_MeasureAggregation_TargetMeasures_MeasureId", x => x.MeasureId, "TargetMeasures", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("ProvinceActual", t => new
        {
            Id = t.Column<int>(nullable: false)
                .Annotation("Sqlite:Autoincrement", true)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
            PeriodId = t.Column<int>(nullable: false),
            MeasureId = t.Column<int>(nullable: false),
            Value = t.Column<decimal>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ProvinceActual", x => x.Id);
            t.ForeignKey("FK_ProvinceActual_ReportPeriod_PeriodId", x => x.PeriodId, "ReportPeriod", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_ProvinceActual_TargetMeasures_MeasureId", x => x.MeasureId, "TargetMeasures", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ProvinceActual_PeriodId_MeasureId", "ProvinceActual", ["PeriodId", "MeasureId"], unique: true);
        m.CreateIndex("IX_ProvinceActual_MeasureId", "ProvinceActual", "MeasureId");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropTable("ProvinceActual");
        m.DropTable("MeasureAggregation");
        m.DropColumn("CarriedForward", "ReportEntry");
        m.DropColumn("CarriedForward", "MeasureActual");
    }
}
