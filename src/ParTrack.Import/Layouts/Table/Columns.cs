using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

/// <summary>The framework table's columns, whatever order or wording a province uses.</summary>
internal enum Col { Tt, Target, Task, Activity, Output, Lead, Support, Due, Budget, Note }

/// <summary>
/// Maps each physical column of a table to a <see cref="Col"/>, from the header row's words.
/// The same map serves real tables, pipe text and positioned PDF text.
/// </summary>
internal sealed partial class ColumnMap
{
    public Col?[] Physical { get; }

    private ColumnMap(Col?[] physical) => Physical = physical;

    public int Count => Physical.Length;

    public bool Has(Col c) => Array.IndexOf(Physical, c) >= 0;

    public int IndexOf(Col c) => Array.FindIndex(Physical, p => p == c);

    /// <summary>Keywords in header cells, most specific first ("Nhiệm vụ" also appears in "KHUNG NHIỆM VỤ").</summary>
    private static readonly (Col Col, string[] Words)[] Keywords =
    [
        (Col.Activity, ["hoạt động"]),
        (Col.Output, ["kết quả", "sản phẩm"]),
        (Col.Lead, ["chủ trì", "cơ quan thực hiện", "đơn vị thực hiện"]),
        (Col.Support, ["phối hợp"]),
        (Col.Due, ["thời gian", "thời hạn", "tiến độ"]),
        (Col.Budget, ["kinh phí", "nguồn kinh phí"]),
        (Col.Note, ["ghi chú"]),
        (Col.Target, ["mục tiêu", "chỉ tiêu"]),
        (Col.Task, ["nhiệm vụ", "nội dung"]),
        (Col.Tt, ["stt", "tt", "số thứ tự"]),
    ];

    public static Col? Classify(string headerCell)
    {
        var t = Text.Clean(headerCell).ToLowerInvariant();
        t = NumberPrefix().Replace(t, "");
        if (t.Length == 0) return null;
        if (t is "tt" or "stt" or "số tt" or "số thứ tự") return Col.Tt;
        foreach (var (col, words) in Keywords)
        {
            if (col == Col.Tt) continue;
            if (words.Any(w => t.Contains(w))) return col;
        }
        return null;
    }

    /// <summary>How many framework-table keywords a row of cells holds; a header has at least four.</summary>
    public static int HeaderScore(IEnumerable<string> cells) =>
        cells.Select(Classify).Where(c => c is not null).Distinct().Count();

    public static ColumnMap FromHeader(IReadOnlyList<string> cells)
    {
        var map = new Col?[cells.Count];
        var seen = new HashSet<Col>();
        for (var i = 0; i < cells.Count; i++)
        {
            var c = Classify(cells[i]);
            if (c is { } col && seen.Add(col)) map[i] = col;
        }
        return new ColumnMap(map);
    }

    /// <summary>Warns once per column the plan JSON needs but the header lacks.</summary>
    public void WarnMissing(string location, List<ImportWarning> warnings)
    {
        (Col Col, string Name)[] needed =
        [
            (Col.Target, "Mục tiêu/Chỉ tiêu"), (Col.Task, "Nhiệm vụ"), (Col.Activity, "Hoạt động"),
            (Col.Output, "Kết quả, sản phẩm"), (Col.Lead, "Chủ trì"), (Col.Support, "Phối hợp"),
            (Col.Due, "Thời gian hoàn thành"),
        ];
        foreach (var (col, name) in needed)
            if (!Has(col))
                warnings.Add(new ImportWarning(WarningKinds.MissingColumn, location,
                    $"Bảng khung nhiệm vụ không có cột \"{name}\"; các ô của cột này để trống. Hãy kiểm tra lại tiêu đề bảng nếu cột có tồn tại."));
    }

    [GeneratedRegex(@"^\(?\d+\)?\s*[-–.)]\s*")]
    private static partial Regex NumberPrefix();
}
