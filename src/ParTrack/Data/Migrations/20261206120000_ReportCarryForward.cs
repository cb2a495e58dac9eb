using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ParTrack.Data.Migrations;

// A new period's report starts from the agency's previous report (Features/Reporting/CarryForward): each
// copied answer and actual value is marked until the officer confirms or changes it.
[DbContext(typeof(AppDbContext))]
[Migration("20261206120000_ReportCarryForward")]
public sealed class ReportCarryForward : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<bool>("CarriedForward", "ReportEntry", nullable: false, defaultValue: false);
        m.AddColumn<bool>("CarriedForward", "MeasureActual", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("CarriedForward", "ReportEntry");
        m.DropColumn("CarriedForward", "MeasureActual");
    }
}
