using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ParTrack.Data.Migrations;

// Account security (issue 19): a security stamp that ends existing sessions, growing lock-outs, and
// optional TOTP two-factor sign-in. Existing accounts get a random stamp, so cookies issued before the
// upgrade (which carry none) end once and their users sign in again.
[DbContext(typeof(AppDbContext))]
[Migration("20261206000000_AccountSecurity")]
public sealed class AccountSecurity : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.AddColumn<int>("LockOuts", "Users", nullable: false, defaultValue: 0);
        m.AddColumn<string>("SecurityStamp", "Users", maxLength: 40, nullable: false, defaultValue: "");
        m.AddColumn<string>("TwoFactorKey", "Users", maxLength: 500, nullable: true);
        m.AddColumn<bool>("TwoFactorEnabled", "Users", nullable: false, defaultValue: false);
        m.AddColumn<long>("TwoFactorLastStep", "Users", nullable: false, defaultValue: 0L);
        if (!IsPostgres)
        {
            m.Sql("UPDATE \"Users\" SET \"SecurityStamp\" = lower(hex(randomblob(16)))");
            return;
        }
        m.Sql("UPDATE \"Users\" SET \"SecurityStamp\" = md5(random()::text || \"Id\"::text)");
        // The defaults only filled the existing rows; the model has none (the app always sets the values).
        foreach (var column in new[] { "LockOuts", "SecurityStamp", "TwoFactorEnabled", "TwoFactorLastStep" })
            m.Sql($"ALTER TABLE \"Users\" ALTER COLUMN \"{column}\" DROP DEFAULT");
    }

    bool IsPostgres => ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Down(MigrationBuilder m)
    {
        m.DropColumn("LockOuts", "Users");
        m.DropColumn("SecurityStamp", "Users");
        m.DropColumn("TwoFactorKey", "Users");
        m.DropColumn("TwoFactorEnabled", "Users");
        m.DropColumn("TwoFactorLastStep", "Users");
    }
}
