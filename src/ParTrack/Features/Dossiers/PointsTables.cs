using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// The province's points table for the monthly ranking: the latest saved version, or <see cref="PointsTable.Default"/>
/// (version 0, a starting point, not the official points) until one is saved. Saving adds a version; none is changed.
/// </summary>
public sealed class PointsTables(AppDbContext db, CurrentUser me, TimeProvider clock)
{
    static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public sealed record Saved(PointsTable Table, string? Note, string SavedBy, DateTime SavedUtc);

    /// <summary>The table in force: the highest version, or the default.</summary>
    public async Task<Saved> CurrentAsync(CancellationToken ct = default)
    {
        var row = await db.Set<KpiPointsTable>().AsNoTracking().OrderByDescending(t => t.Number).FirstOrDefaultAsync(ct);
        return row is null ? new Saved(PointsTable.Default, null, "", DateTime.MinValue) : Read(row);
    }

    public async Task<List<Saved>> HistoryAsync(CancellationToken ct = default) =>
        [.. (await db.Set<KpiPointsTable>().AsNoTracking().OrderByDescending(t => t.Number).Take(20).ToListAsync(ct)).Select(Read)];

    static Saved Read(KpiPointsTable row) =>
        new(new PointsTable(row.Number, JsonSerializer.Deserialize<List<PointsItem>>(row.ItemsJson, Json) ?? []), row.Note, row.SavedBy, row.SavedUtc);

    /// <summary>
    /// Saves <paramref name="items"/> as the next version. <paramref name="basedOn"/> is the version the form showed: when
    /// someone saved since, nothing is saved and the coordinator is told (their form stays as typed).
    /// </summary>
    public async Task<Outcome<int>> SaveAsync(IReadOnlyList<PointsItem> items, string? note, int basedOn, CancellationToken ct = default)
    {
        var problems = PointsTable.Problems(items);
        if (Limits.TooLong("Ghi chú", note, Limits.Name) is { } tooLong) problems.Add(tooLong);
        if (problems.Count > 0) return Outcome<int>.Invalid(problems.Select((p, i) => (p, i)).ToDictionary(x => $"p{x.i}", x => x.p));
        var current = await db.Set<KpiPointsTable>().MaxAsync(t => (int?)t.Number, ct) ?? 0;
        if (current != basedOn) return Conflict(current);
        var row = new KpiPointsTable
        {
            Number = current + 1, ItemsJson = JsonSerializer.Serialize(items, Json), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            SavedBy = me.UserName, SavedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another coordinator took this version number in the same moment (unique index).
            db.ChangeTracker.Clear();
            return Conflict(current + 1);
        }
        return Outcome<int>.Ok(row.Number);
    }

    static Outcome<int> Conflict(int current) => Outcome<int>.Conflict(current,
        $"Bảng điểm vừa được lưu thành phiên bản {current} bởi người khác. Hãy tải lại trang để xem bản mới rồi sửa tiếp; bản bạn nhập chưa được lưu.");

    /// <summary>"98=20; 95=16" (rate from … = points), comma or dot as decimal mark; null with the reason when unreadable.</summary>
    public static List<PointsBand>? ParseBands(string? text, out string? error)
    {
        error = null;
        var bands = new List<PointsBand>();
        foreach (var part in (text ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || Number(pair[0]) is not { } rate || Number(pair[1]) is not { } points)
            {
                error = $"Không đọc được mức “{part}”: viết tỷ lệ=điểm, các mức cách nhau bằng dấu chấm phẩy, ví dụ 98=20; 95=16; 90=12.";
                return null;
            }
            bands.Add(new PointsBand(rate, points));
        }
        return [.. bands.OrderByDescending(b => b.MinRate)];
    }

    public static decimal? Number(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static string BandsText(IReadOnlyList<PointsBand> bands) =>
        string.Join("; ", bands.Select(b => $"{b.MinRate.ToString("0.##", CultureInfo.InvariantCulture)}={b.Points.ToString("0.##", CultureInfo.InvariantCulture)}"));
}
