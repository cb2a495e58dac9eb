using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ParTrack.Data;

/// <summary>
/// Until December 2026 the migrations were written by hand (history ids 20250101000000_Initial …
/// 20250501000000_ParIndexGroups). The first generated migration of each provider, Baseline, builds the same
/// schema. A database made by the hand-written ones gets Baseline recorded as applied, after checking that
/// every table and column of Baseline is there, so that Migrate then applies only the migrations after it.
/// The data stays as it is. Tested in LegacyUpgradeTests with the old migrations.
/// </summary>
static class LegacyBaseline
{
    static readonly string[] HandWrittenIds =
        ["20250101000000_Initial", "20250301000000_Reporting", "20250401000000_ParIndex", "20250501000000_ParIndexGroups"];

    /// <summary>Returns the migrations applied once adopted (the caller skips migrating when none is missing).</summary>
    public static async Task<HashSet<string>> AdoptAsync(AppDbContext db, CancellationToken ct)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet();
        if (!applied.Overlaps(HandWrittenIds)) return applied;
        var baseline = db.Database.GetMigrations().First();   // the ids sort by time: Baseline is the first
        if (applied.Contains(baseline)) return applied;

        var missing = HandWrittenIds.Where(id => !applied.Contains(id)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Cơ sở dữ liệu do một phiên bản ParTrack cũ tạo và chưa có các bước {string.Join(", ", missing)}. "
                + "Hãy chạy một lần phiên bản phát hành trước tháng 12/2026 để cập nhật, rồi chạy phiên bản này.");

        var absent = await AbsentColumnsAsync(db, baseline, ct);
        if (absent.Count > 0)
            throw new InvalidOperationException(
                $"Cơ sở dữ liệu cũ không khớp với lược đồ {baseline}; thiếu: {string.Join(", ", absent.Take(20))}. "
                + "Không cập nhật để tránh mất dữ liệu; hãy kiểm tra bản sao lưu.");

        // NOT EXISTS: instances starting together on the same old database record it once.
        await db.Database.ExecuteSqlRawAsync(
            $$"""
            INSERT INTO "{{HistoryRepository.DefaultTableName}}" ("MigrationId", "ProductVersion")
            SELECT {0}, {1} WHERE NOT EXISTS (SELECT 1 FROM "{{HistoryRepository.DefaultTableName}}" WHERE "MigrationId" = {0})
            """, [baseline, ProductInfo.GetVersion()], ct);
        applied.Add(baseline);
        return applied;
    }

    /// <summary>The tables and columns Baseline creates that the database lacks, as "Table.Column".</summary>
    static async Task<List<string>> AbsentColumnsAsync(AppDbContext db, string baseline, CancellationToken ct)
    {
        var migrations = db.GetService<IMigrationsAssembly>();
        var model = migrations.CreateMigration(migrations.Migrations[baseline], db.Database.ProviderName!).TargetModel
            ?? throw new InvalidOperationException($"{baseline} has no target model.");
        var expected = model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"))
            .ToHashSet();

        var sql = db.Database.IsNpgsql()
            ? """SELECT table_name::text AS "Table", column_name::text AS "Column" FROM information_schema.columns WHERE table_schema = current_schema()"""
            : """SELECT m.name AS "Table", p.name AS "Column" FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'""";
        var present = (await db.Database.SqlQueryRaw<TableColumn>(sql).ToListAsync(ct)).Select(c => $"{c.Table}.{c.Column}").ToHashSet();
        return expected.Where(c => !present.Contains(c)).Order(StringComparer.Ordinal).ToList();
    }

    sealed record TableColumn(string Table, string Column);
}
