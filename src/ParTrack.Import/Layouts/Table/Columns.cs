using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

/// <summary>The framework table's columns, whatever order or wording a province uses.
/// DueStart is a "Bắt đầu" column under "Thời gian"; the plan's due comes from the "Hoàn thành" one.</summary>
internal enum Col { Tt, Target, Task, Activity, Output, Lead, Support, Due, Budget, Note, DueStart }

/// <summary>
/// Maps each physical column of a table to a <see cref="Col"/>, from the header row's words.
/// The same map serves real tables, pipe text and positioned PDF text.
/// </summary>
internal sealed partial class ColumnMap
{
    public Col?[] Physical { get; }

    /// <summary>The lowest header text of each physical column ("Dự toán" under "Kinh phí"), to label joined cells.</summary>
    public string[] Labels { get; }

    private ColumnMap(Col?[] physical, string[] labels)
    {
        Physical = physical;
        Labels = labels;
    }

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

    public static ColumnMap FromHeader(IReadOnlyList<string> cells) => FromHeaderRows([cells]);

    /// <summary>
    /// One map from one to three header rows, each given per physical column (a cell spanning several
    /// columns repeats its text in each). A column's names are its texts from top to bottom, a text
    /// repeated by a rowspan counted once; the lowest name decides, the ones above give context:
    /// "Cơ quan thực hiện" over "Chủ trì" | "Phối hợp" gives lead and support; "Thời gian" over
    /// "Bắt đầu" | "Hoàn thành" gives <see cref="Col.DueStart"/> and due; every column under "Kinh phí"
    /// ("Nguồn" | "Dự toán") is budget, and the row's budget joins them. Otherwise the first column of
    /// a kind wins and later ones are not read.
    /// </summary>
    public static ColumnMap FromHeaderRows(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var width = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var map = new Col?[width];
        var labels = new string[width];
        var seen = new HashSet<Col>();
        for (var i = 0; i < width; i++)
        {
            var names = NamesOf(rows, i);
            labels[i] = names.Count > 0 ? names[^1] : "";
            if (ClassifyPath(names) is not { } col) continue;
            // Budget sub-columns of one "Kinh phí" cell are all read, and so are period columns under
            // "Thời gian" ("Quý I | Quý II | …", ticked per row); any other kind only once.
            var part = names.Count > 1 && (col == Col.Budget || (col == Col.Due && IsPeriod(names[^1])));
            if (part && col == Col.Due)
            {
                var year = names.Select(n => YearName().Match(Text.Clean(n).ToLowerInvariant())).LastOrDefault(m => m.Success);
                if (year is not null && !YearName().IsMatch(Text.Clean(names[^1]).ToLowerInvariant())) labels[i] += "/" + year.Groups[1].Value;
            }
            if (seen.Add(col) || part) map[i] = col;
        }
        return new ColumnMap(map, labels);
    }

    /// <summary>A column's header texts from top to bottom. An empty top cell takes the text on its left
    /// when a row below names the column (an unmerged "Cơ quan thực hiện" over two sub-cells).</summary>
    private static List<string> NamesOf(IReadOnlyList<IReadOnlyList<string>> rows, int column)
    {
        var names = new List<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            var t = column < rows[r].Count ? Text.Clean(rows[r][column]) : "";
            if (t.Length == 0 && r == 0 && rows.Count > 1 && rows.Skip(1).Any(b => column < b.Count && Text.Clean(b[column]).Length > 0))
            {
                for (var left = column - 1; left >= 0 && t.Length == 0; left--) t = Text.Clean(rows[0][left]);
            }
            if (t.Length > 0 && (names.Count == 0 || names[^1] != t)) names.Add(t);
        }
        return names;
    }

    private static Col? ClassifyPath(List<string> names)
    {
        if (names.Count == 0) return null;
        var own = names[^1];
        var parents = names.Take(names.Count - 1).Select(Classify).ToList();
        if (parents.Contains(Col.Due))
        {
            if (IsStartWord(own)) return Col.DueStart;
            if (IsEndWord(own) || IsPeriod(own)) return Col.Due;
        }
        if (parents.Contains(Col.Budget) && Classify(own) is null or Col.Budget) return Col.Budget;
        for (var i = names.Count - 1; i >= 0; i--)
            // "Thời gian bắt đầu" beside "Thời gian hoàn thành" in one header row: the start, not the due.
            if (Classify(names[i]) is { } c) return c == Col.Due && IsStartWord(names[i]) ? Col.DueStart : c;
        return null;
    }

    private static bool IsStartWord(string name)
    {
        var t = Text.Clean(name).ToLowerInvariant();
        return t.Contains("bắt đầu") || t.Contains("khởi động") || t is "từ" or "từ ngày" or "từ tháng";
    }

    private static bool IsEndWord(string name)
    {
        var t = Text.Clean(name).ToLowerInvariant();
        return t.Contains("hoàn thành") || t.Contains("kết thúc") || t is "đến" or "đến ngày" or "đến tháng";
    }

    /// <summary>A period naming a column under "Thời gian": "Quý I", "Tháng 6", "Năm 2025".</summary>
    public static bool IsPeriod(string name) => Period().IsMatch(Text.Clean(name).ToLowerInvariant());

    [GeneratedRegex(@"^(quý\s*(i|ii|iii|iv|[1-4])|tháng\s*\d{1,2}|năm\s*(19|20)\d\d)$")]
    private static partial Regex Period();

    [GeneratedRegex(@"^năm\s*((19|20)\d\d)$")]
    private static partial Regex YearName();

    /// <summary>"Bắt đầu", "Hoàn thành", "Kết thúc": a sub-column of the due column.</summary>
    public static bool IsDuePart(string name) => IsStartWord(name) || IsEndWord(name);

    /// <summary>Whether a cell reads as a header name (a sub-header cell such as "Chủ trì", "Bắt đầu", "Nguồn").</summary>
    public static bool IsHeaderWord(string cell)
    {
        var t = Text.Clean(cell).ToLowerInvariant();
        if (t.Length == 0 || t.Length > 60) return false;
        return Classify(t) is not null || IsStartWord(t) || IsEndWord(t) || IsPeriod(t)
            || t.StartsWith("nguồn") || t.StartsWith("dự toán") || t.StartsWith("số tiền") || t is "tổng" or "tổng số";
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
