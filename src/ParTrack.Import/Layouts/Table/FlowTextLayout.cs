using System.Text;
using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

/// <summary>
/// PDF text without column positions (seed 002, DOMAIN §6.2): each cell is broken into short lines,
/// cells follow each other in column order, words break mid-token ("Thườn / g / xuyên"). Rows are
/// rebuilt by walking the lines with a current column and moving right when a line opens the next
/// cell: item codes (1.x, 2.x, 3.x), an output word, a body's name, a due expression, a budget
/// phrase. After a page break inside a row the rest of every cut cell follows the budget cell, in
/// column order and with no marker between cells: that text is joined to the leftmost cell that
/// looks cut (see CutCells) and reported, so a reviewer can check it.
/// </summary>
internal static partial class FlowTextLayout
{
    public static List<TableRow>? Read(IReadOnlyList<string> lines, List<ImportWarning> warnings)
    {
        var start = FindTableStart(lines);
        if (start < 0) return null;
        var builder = new Builder(warnings, new Locations(lines));
        for (var i = start; i < lines.Count; i++)
        {
            // After a whole row's first lines on one line (002 PL V) the next line is indented too, but it is
            // the rest of the cells, not a new page; those rows stay as before (known wrong, docs/import.md).
            if (OpensPage(lines, i) && !RowOnOneLine().IsMatch(Text.Clean(lines[i - 1]))) builder.PageBreak();
            var text = Text.Clean(lines[i]);
            if (text.Length == 0)
            {
                // A line of spaces inside page-break remainder separates two cells' remainders.
                if (lines[i].Length > 0) builder.EmptyCellLine();
                continue;
            }
            var next = NextText(lines, i);
            // "Văn / phòng" split over two lines would hide the body's name.
            if (text == "Văn" && next.StartsWith("phòng", StringComparison.Ordinal))
            {
                var j = i + 1;
                while (Text.Clean(lines[j]).Length == 0) j++;
                text = "Văn " + Text.Clean(lines[j]);
                i = j;
                next = NextText(lines, i);
            }
            builder.Feed(text, i + 1, next);
        }
        builder.Flush();
        return builder.Rows;
    }

    /// <summary>pdftotext starts a page with a form feed; in text saved from it the form feed often became a
    /// space, so a line starting with white space right after a text line (no blank line between) opens a page.</summary>
    private static bool OpensPage(IReadOnlyList<string> lines, int i) =>
        i > 0 && (lines[i].StartsWith('\f') || (lines[i].Length > 0 && char.IsWhiteSpace(lines[i][0]) && lines[i - 1].Trim().Length > 0));

    private static string NextText(IReadOnlyList<string> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            var t = Text.Clean(lines[j]);
            if (t.Length > 0) return t;
        }
        return "";
    }

    /// <summary>The line after the header: header words spread over a few short lines.</summary>
    private static int FindTableStart(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var t = Text.Clean(lines[i]);
            if (t is not ("TT" or "STT")) continue;
            var window = new List<string>();
            var last = i;
            for (var j = i + 1; j < lines.Count && window.Count < 20; j++)
            {
                var w = Text.Clean(lines[j]);
                if (w.Length == 0) continue;
                if (Section().IsMatch(w) || Codes.StartsWithCode(w, 1)) break;
                window.Add(w);
                last = j;
            }
            // "2- Nhiệm vụ 3- Hoạt động" can share a line: split on the "N- " numbering.
            var cells = window.SelectMany(w => HeaderSplit().Split(w)).ToList();
            if (ColumnMap.HeaderScore(cells) >= 4) return last + 1;
        }
        return -1;
    }

    private sealed class Builder(List<ImportWarning> warnings, Locations where)
    {
        public List<TableRow> Rows { get; } = [];
        private readonly Dictionary<Col, StringBuilder> cells = [];
        private Col? current;
        private string? pendingTt;
        private int rowLine;
        private readonly StringBuilder leftover = new();
        // Set after a page break inside a row: the cell that page-break remainder is joined to.
        private bool afterBreak;
        private Col? beforeBreak;
        private readonly List<Col> joinedAfterBreak = [];

        public void PageBreak()
        {
            if (cells.Count == 0) return;
            afterBreak = true;
            beforeBreak = current;
            var cut = CutCells().FirstOrDefault();
            if (cut != default) current = cut;
        }

        public void EmptyCellLine()
        {
            if (!afterBreak || current is not { } cur) return;
            var next = CutCells().FirstOrDefault(c => c > cur);
            if (next != default) current = next;
        }

        private bool BodyListCut(Col c) =>
            cells.TryGetValue(c, out var sb) && sb.ToString().TrimEnd() is { Length: > 0 } t && (t.EndsWith(',') || t.EndsWith(';') || t.EndsWith(" và"));

        /// <summary>Text cells of this row whose text stops mid-sentence (no final ".", ";", ":" or ")").</summary>
        /// <summary>Text cells of this row that look cut by the page: no final ".", ";", ":" or ")", and, but
        /// for the target (its lines vary most), a last line at least 0.7 of the column's longest: a cell
        /// that ended on its own usually ends with a short line ("… SIPAS").</summary>
        private IEnumerable<Col> CutCells() =>
            new[] { Col.Target, Col.Task, Col.Activity, Col.Output }.Where(c =>
                cells.TryGetValue(c, out var sb) && sb.ToString().TrimEnd() is { Length: > 0 } t && !".;:)".Contains(t[^1])
                && (c == Col.Target || lastLine.GetValueOrDefault(c) >= 0.7 * widest.GetValueOrDefault(c)));

        // Length of each column's last line in this row, and the longest line seen in each column so far.
        private readonly Dictionary<Col, int> lastLine = [];
        private readonly Dictionary<Col, int> widest = [];

        public void Feed(string text, int line, string next)
        {
            // Bare numbers: a TT only when a target follows; otherwise page numbers or doubled TT digits.
            if (BareNumber().IsMatch(text))
            {
                if (Codes.StartsWithCode(next, 1)) { Flush(); pendingTt = text; rowLine = line; return; }
                if (!EndsWithBrokenNumber()) return;
            }
            if (Section().Match(text) is { Success: true } s)
            {
                Flush();
                Rows.Add(TableRow.SectionRow(where.Of(line), s.Groups[1].Value, s.Groups[2].Value));
                return;
            }

            // A whole row's first lines on one line (002 PL V): "1 1.1. Phấn đấu 2.1. Tuyên truyền 3.1. Xây dựng".
            var codeSplit = RowOnOneLine().Match(text);
            if (codeSplit.Success)
            {
                if (codeSplit.Groups["tt"].Success) { Flush(); pendingTt = codeSplit.Groups["tt"].Value; rowLine = line; }
                foreach (var part in SplitAtCodes(codeSplit.Groups["rest"].Value))
                    foreach (var piece in SplitBoundaries(part, current)) Place(piece, line);
                return;
            }
            foreach (var piece in SplitBoundaries(text, current)) Place(piece, line);
        }

        private void Place(string text, int line)
        {
            if (Codes.StartsWithCode(text, 1)) { Flush(); Start(line); Move(Col.Target); Append(text); return; }
            if (Codes.StartsWithCode(text, 2))
            {
                if (HasAnyFrom(Col.Activity)) { Flush(); Start(line); }
                Move(Col.Task); Append(text); return;
            }
            if (Codes.StartsWithCode(text, 3))
            {
                if (HasAnyFrom(Col.Output)) { Flush(); Start(line); }
                Move(Col.Activity); Append(text); return;
            }
            if (current is null) return;  // text before the first row

            // Digits finishing a broken date or code: "25/12/202 / 3".
            if (text.All(char.IsDigit) && EndsWithBrokenNumber()) { Append(text); return; }
            if (afterBreak && current < Col.Lead)
            {
                // Remainder of a cut text cell; a body or due line still moves right as usual.
                // The remainder opens a new output, body or due: this row's text cells were not cut after all.
                if (joinedAfterBreak.Count == 0 && (OutputStart().IsMatch(text) || NextColumn(text) is not null))
                {
                    afterBreak = false;
                    current = beforeBreak;
                    Place(text, line);
                    return;
                }
                if (NextColumn(text) is { } right && right > current.Value)
                {
                    // A body after the text remainders finishes a body list cut by the break ("…, / UBND cấp huyện").
                    if (right is Col.Lead or Col.Support)
                        right = new[] { Col.Lead, Col.Support }.FirstOrDefault(c => BodyListCut(c), right);
                    Move(right);
                }
                if (current < Col.Lead) joinedAfterBreak.Add(current.Value);
                Append(text);
                return;
            }
            if (current == Col.Due && DueComplete() && !BudgetPhrase().IsMatch(text))
            {
                leftover.Append(' ').Append(text);
                return;
            }
            var next = NextColumn(text);
            if (next is { } col && col > current.Value) Move(col);
            else if (current == Col.Budget && BudgetComplete())
            {
                // Page-break remainder of earlier cells: cannot tell which cell it belongs to.
                leftover.Append(' ').Append(text);
                return;
            }
            Append(text);
        }

        /// <summary>The column a line opens, if it clearly opens one to the right of the current.</summary>
        private Col? NextColumn(string text)
        {
            var cur = current!.Value;
            // Due cells open with a capital: "Năm 2024", "Quý I"; "năm 2024" inside a task is not a due.
            var isDue = char.IsUpper(text[0]) && (Codes.LooksLikeDue(text) || text.StartsWith("Thườn", StringComparison.Ordinal));
            if (cur == Col.Due && BudgetPhrase().IsMatch(text)) return Col.Budget;
            if (cur == Col.Due) return null;
            if (cur < Col.Due && isDue) return Col.Due;
            if (cur < Col.Due && BudgetPhrase().IsMatch(text) && cur >= Col.Output) return Col.Budget;
            if (Codes.LooksLikeBody(text) && char.IsUpper(text.TrimStart('-', ' ')[0]))
            {
                // The lead column is narrow too: "Đoàn kiểm tra liên" is the activity's text, not a body.
                if (cur == Col.Output || (cur == Col.Activity && text.Length <= 14)) return Col.Lead;
                if (cur == Col.Lead && !Continues()) return Col.Support;
            }
            // PDF outputs sit in a narrow column: a long line starting "Quyết định kiện…" still belongs to the activity.
            if (cur == Col.Activity && OutputStart().IsMatch(text) && (text.Length <= 12 || text.StartsWith("- "))) return Col.Output;
            return null;
        }

        /// <summary>The current cell's text ends mid-phrase (",", "và", "-"): the next line continues it.</summary>
        private bool Continues()
        {
            var t = CurrentText();
            return t.EndsWith(',') || t.EndsWith(';') || t.EndsWith('-') || t.EndsWith('(') || ContinuesWord().IsMatch(t);
        }

        private string CurrentText() => current is { } c && cells.TryGetValue(c, out var sb) ? sb.ToString().TrimEnd() : "";

        /// <summary>"25/12/202", "9001:201": a year cut after three digits, finished by the next line.</summary>
        private bool EndsWithBrokenNumber() => BrokenYear().IsMatch(CurrentText());

        private bool DueComplete()
        {
            var t = Text.Clean(CurrentText());
            return YearEnd().IsMatch(t) || t.EndsWith("xuyên") || t.EndsWith("duyệt") || t.EndsWith("Nội vụ") || t.EndsWith("Trung ương");
        }

        private bool BudgetComplete()
        {
            var t = Text.Clean(CurrentText());
            return t.EndsWith("cấp") || t.EndsWith("số") || BareNumber().IsMatch(t);
        }

        private bool HasAnyFrom(Col col) => cells.Any(kv => kv.Key >= col && kv.Value.Length > 0);

        private void Start(int line) { if (rowLine == 0) rowLine = line; }

        private void Move(Col col)
        {
            current = col;
            if (!cells.ContainsKey(col)) cells[col] = new StringBuilder();
        }

        private void Append(string text)
        {
            lastLine[current!.Value] = text.Length;
            widest[current.Value] = Math.Max(widest.GetValueOrDefault(current.Value), text.Length);
            var sb = cells[current.Value];
            var t = sb.ToString();
            // Tokens broken mid-word: "Thườn / g", "25/12/202 / 3", "9001:201 / 5".
            var glue = t.Length > 0 && (char.IsLetterOrDigit(t[^1]) &&
                (text.Length == 1 || (char.IsDigit(t[^1]) && text.All(char.IsDigit) && text.Length <= 2))
                || (t.EndsWith('-') && t.Length > 1 && char.IsDigit(t[^2]) && char.IsDigit(text[0])));  // "2024- / 2026"
            if (sb.Length > 0 && !glue) sb.Append(' ');
            sb.Append(text);
        }

        public void Flush()
        {
            if (cells.Count > 0)
            {
                var row = new TableRow(where.Of(rowLine));
                if (pendingTt is not null) row[Col.Tt] = pendingTt;
                foreach (var col in Enum.GetValues<Col>())
                {
                    if (cells.TryGetValue(col, out var sb)) row[col] = Text.Clean(sb.ToString());
                    // Left-hand cells absent from a row are merged with the row above; the others are empty.
                    else if (col >= Col.Output && col != Col.Note) row[col] = "";
                }
                // A row opened by "3.x" with no due of its own is the rest of the row above after a
                // page break ("3.20. … 3.21." after the funding cell): it shares that row's bodies and time.
                if (!cells.ContainsKey(Col.Target) && !cells.ContainsKey(Col.Task) && !cells.ContainsKey(Col.Due))
                    foreach (var col in new[] { Col.Lead, Col.Support, Col.Due, Col.Budget })
                        if (!cells.ContainsKey(col)) row[col] = null;
                Rows.Add(row);
                if (joinedAfterBreak.Count > 0)
                    warnings.Add(new ImportWarning(WarningKinds.PageBreakJoin, where.Of(rowLine),
                        $"Ô bị ngắt trang: phần chữ ở trang sau đã được ghép vào cột {string.Join(", ", joinedAfterBreak.Distinct().Select(ColumnName))}; hãy đối chiếu với bản gốc."));
                if (leftover.Length > 0)
                    warnings.Add(new ImportWarning(WarningKinds.UnplacedCell, where.Of(rowLine),
                        $"Không xác định được ô của đoạn chữ \"{Shorten(Text.Clean(leftover.ToString()))}\" (ngắt trang trong bảng); hãy đối chiếu với bản gốc."));
            }
            cells.Clear();
            lastLine.Clear();
            leftover.Clear();
            afterBreak = false;
            joinedAfterBreak.Clear();
            current = null;
            pendingTt = null;
            rowLine = 0;
        }

        private static string ColumnName(Col c) => c switch
        {
            Col.Target => "mục tiêu/chỉ tiêu",
            Col.Task => "nhiệm vụ",
            Col.Activity => "hoạt động",
            _ => "kết quả, sản phẩm",
        };

        private static string Shorten(string s) => s.Length <= 60 ? s : s[..60] + "…";
    }

    /// <summary>Splits a line where one cell runs into the next: "Sở Nội vụ Thường", "Sở Nội vụ Các cơ quan",
    /// "Công văn Sở Tài chính".</summary>
    private static IEnumerable<string> SplitBoundaries(string text, Col? current)
    {
        var m = CellBoundary().Match(text);
        if (m.Success && m.Index > 0 && (Codes.LooksLikeBody(text[..m.Index]) || current is Col.Lead or Col.Support))
            return [.. SplitBoundaries(text[..m.Index].Trim(), current), text[m.Index..].Trim()];
        if (current is >= Col.Activity and <= Col.Support)
        {
            foreach (Match b in BodyBoundary().Matches(text))
            {
                var head = text[..b.Index].Trim();
                var tail = text[b.Index..].Trim();
                if (head.Length == 0 || !Codes.LooksLikeBody(tail)) continue;
                if (Codes.LooksLikeBody(head) || (current <= Col.Output && OutputStart().IsMatch(head)))
                    return [head, .. SplitBoundaries(tail, current)];
            }
        }
        return [text];
    }

    /// <summary>Cuts "1.1. A 2.1. B 3.1. C" before each code whose column digit grows.</summary>
    private static List<string> SplitAtCodes(string text)
    {
        var parts = new List<string>();
        var last = 0;
        var from = 0;
        foreach (Match m in InlineCode().Matches(text))
        {
            var digit = m.Groups[1].Value[0] - '0';
            if (digit <= last) continue;
            if (m.Index > from) parts.Add(text[from..m.Index].Trim());
            from = m.Index;
            last = digit;
        }
        parts.Add(text[from..].Trim());
        return parts.Where(p => p.Length > 0).ToList();
    }

    [GeneratedRegex(@"(\s(và|của|thuộc|các|Văn phòng|Sở|Ủy ban|UBND|Trung tâm|Văn)|^(Sở|Văn phòng|Ủy ban|Trung tâm|Văn|Sở Tư|Sở Kế|Sở Thông|Sở Khoa|Sở Nội|Sở Tài))$")]
    private static partial Regex ContinuesWord();

    [GeneratedRegex(@"(19|20)\d\d$")]
    private static partial Regex YearEnd();

    [GeneratedRegex(@"(^|[/:\s-])\d{3}$")]
    private static partial Regex BrokenYear();

    [GeneratedRegex(@"^((?<tt>\d{1,2})\s+)?(?<rest>[123]\.\d{1,2}\.?\s.*\s[23]\.\d{1,2}\.?\s.*)$")]
    private static partial Regex RowOnOneLine();

    [GeneratedRegex(@"(?<=^|\s)([123])\.\d{1,2}\.?(?=\s)")]
    private static partial Regex InlineCode();

    // A capitalised body head after a word that ends a name (not "và", "của", "thuộc", "Văn phòng"…).
    [GeneratedRegex(@"(?<=(?<!\b(và|của|thuộc|với|phòng|VP|các|cho|tại|đối|Ủy|trì|hợp|cấp|quan|ban),?)\s)(?=(Các |Sở |UBND |Văn phòng |Địa phương|Bộ |Cơ quan))")]
    private static partial Regex BodyBoundary();

    [GeneratedRegex(@"^\d{1,2}$")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^([IVX]{1,4}|[A-E])\.?\s+([A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\d].{3,})$")]
    private static partial Regex Section();

    [GeneratedRegex(@"\s(?=\d-\s)")]
    private static partial Regex HeaderSplit();

    [GeneratedRegex(@"^(Theo dự|Theo KH|Theo$|Ngân sách|Nguồn|Kinh phí|\d{1,3}$|0$)")]
    private static partial Regex BudgetPhrase();

    [GeneratedRegex(@"(?<=\S)\s(?=(Thường|Thườn|Năm 20|Quý|Tháng|Trước|Theo dự|Theo lộ|Theo Kế|Theo kế|Sau khi|Khi có)\b)")]
    private static partial Regex CellBoundary();

    [GeneratedRegex(@"^(-\s|\d{2,}\s|Văn bản|Công văn|Kế hoạch|Báo cáo|Các (hình|văn|sáng|lớp|chuyến|biểu)|Danh|Quyết|Thông|Biên bản|Giấy|Hội nghị|Kho |Mạng|Lớp|Phần mềm|Cổng|Tỷ lệ|Số |Đề án|Nghị quyết|Dự thảo|Biểu mẫu|Tài liệu|Hệ thống|Giải pháp|Kiểm tra tại|Mở lớp|Thu hút|Bổ sung|Nâng cấp|Tổ chức hội|Hồ sơ|Tập huấn|Chứng nhận)")]
    private static partial Regex OutputStart();
}
