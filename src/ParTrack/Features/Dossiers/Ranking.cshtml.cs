using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Accounts;
using ParTrack.Features.Reporting.Documents;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// /Dossiers/Ranking: a month's ranking of the provincial agencies, the districts (before 07/2025) or the communes by
/// the points of the province's table (<see cref="PointsTables"/>), with CSV and XLSX downloads. The province's
/// staff see it (coordinators, leaders, appraisers); an agency officer sees their own figures on /Dossiers/Kpis.
/// </summary>
public sealed class RankingModel(CurrentUser me, PointsTables tables, RankingQuery query, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }

    public AdminLevel AdminLevel { get; private set; } = AdminLevel.Province;
    public PointsTable Table { get; private set; } = PointsTable.Default;
    public List<RankedUnit<RankingUnit>> Units { get; private set; } = [];
    public string? Error { get; private set; }

    public static string LevelWord(AdminLevel level) => level switch { AdminLevel.Commune => "xa", AdminLevel.District => "huyen", _ => "tinh" };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        await using var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, CsvCells.Writing()))
        {
            foreach (var h in Columns()) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var row in Rows())
            {
                foreach (var cell in row) csv.WriteField(cell is decimal d ? d.ToString(CultureInfo.InvariantCulture) : cell?.ToString() ?? "");
                await csv.NextRecordAsync();
            }
        }
        return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text.ToString())).ToArray(),
            "text/csv; charset=utf-8", $"xep-hang-{Month}-{LevelWord(AdminLevel)}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        var columns = Columns();
        var sheet = new Sheet(Month!, Title, columns, [.. columns.Select((_, i) => i == 1 ? 40d : 14d)],
            [.. Rows().Select(r => new SheetRow(r))]);
        return File(SheetWriter.Write([sheet]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"xep-hang-{Month}-{LevelWord(AdminLevel)}.xlsx");
    }

    public string Title => T["Xếp hạng tháng {0} ({1}), bảng điểm phiên bản {2}", MonthText, T[LevelName(AdminLevel)], Table.Number].Value;

    public string MonthText => DateOnly.ParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MM/yyyy");

    public static string LevelName(AdminLevel level) => level switch
    {
        AdminLevel.Commune => "Cấp xã",
        AdminLevel.District => "Cấp huyện (đến 30/06/2025)",
        _ => "Cơ quan cấp tỉnh",
    };

    /// <summary>The indicator's heading, as on /Dossiers/Kpis.</summary>
    public static string IndicatorName(string code) => code switch
    {
        "on_time_rate" => "Đúng hạn",
        "online_rate" => "Trực tuyến",
        "fully_online_rate" => "Toàn trình",
        "online_payment_rate" => "Thanh toán trực tuyến",
        "digitised_inputs_rate" => "Số hóa hồ sơ",
        "digitised_results_rate" => "Số hóa kết quả",
        _ => code,
    };

    List<string> Columns()
    {
        var columns = new List<string> { T["Hạng"], T["Cơ quan"], T["Tiếp nhận"] };
        foreach (var item in Table.Items)
        {
            var name = T[IndicatorName(item.Indicator)].Value;
            columns.Add($"{name} (%)");
            columns.Add(T["{0}: điểm (tối đa {1})", name, item.MaxPoints.ToString("0.##")]);
        }
        columns.Add(T["Tổng điểm (tối đa {0})", Table.MaxTotal.ToString("0.##")]);
        return columns;
    }

    IEnumerable<object?[]> Rows() => Units.Select(u => (object?[])
    [
        u.Rank, u.Unit.Name, u.Unit.Values.Received,
        .. Table.Items.Select((item, k) => new object?[] { u.Unit.Values.Value(item.Indicator), u.Points[k] }).SelectMany(x => x),
        u.Total,
    ]);

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (me.IsOfficer) return false;
        var today = VietnamTime.Today(clock);
        var last = today.AddDays(1 - today.Day).AddMonths(-1);   // the last finished month
        if (Month is null || !DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year is < 2000 or > 2100)
        {
            if (Month is not null) Error = "Tháng không hợp lệ (dạng yyyy-MM); đang hiển thị tháng trước.";
            first = last;
        }
        Month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        AdminLevel = Dossiers.DossiersApi.Level(Level) ?? AdminLevel.Province;
        Level = LevelWord(AdminLevel);
        Table = (await tables.CurrentAsync(ct)).Table;
        Units = await query.RankAsync(Table, first.Year, first.Month, AdminLevel, ct);
        return true;
    }
}
