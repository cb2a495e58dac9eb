using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParTrack.Domain.ParIndex;
using ParTrack.Import;
using ParTrack.Import.Reading;

namespace ParTrack.Features.ParIndex;

/// <summary>
/// Simple one-sheet workbooks (a title row, a header row, data rows) for criteria sets, survey points and
/// results, and the reader for the same shape. Numbers are written as numbers so spreadsheets can sum them.
/// </summary>
public static class ParXlsx
{
    /// <summary>A sheet of a workbook: a title row, a header row, then the rows.</summary>
    public sealed record XlsxSheet(string Name, string Title, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

    public static byte[] Write(string sheetName, string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Write([new XlsxSheet(sheetName, title, headers, rows)]);

    public static byte[] Write(IReadOnlyList<XlsxSheet> content)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sheets = wb.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in content)
            {
                var sheetPart = wb.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint r = 1;
                data.Append(RowOf(r++, [sheet.Title]));
                data.Append(RowOf(r++, sheet.Headers.Cast<object?>().ToList()));
                foreach (var row in sheet.Rows) data.Append(RowOf(r++, row));
                sheetPart.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = wb.GetIdOfPart(sheetPart), SheetId = id++, Name = sheet.Name });
            }
            wb.Workbook.Save();
        }
        return stream.ToArray();
    }

    static Row RowOf(uint index, IReadOnlyList<object?> values)
    {
        var row = new Row { RowIndex = index };
        for (int c = 0; c < values.Count; c++)
        {
            var reference = Column(c) + index;
            row.Append(values[c] switch
            {
                null => new Cell { CellReference = reference },
                decimal d => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(d) },
                int i => new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(i) },
                var v => new Cell
                {
                    CellReference = reference, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(SafeText.ForXml(Convert.ToString(v, CultureInfo.InvariantCulture))) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        return row;
    }

    static string Column(int c) => c < 26 ? ((char)('A' + c)).ToString() : Column(c / 26 - 1) + (char)('A' + c % 26);

    /// <summary>
    /// All rows of the first sheet as text, read by the importer's bounded reader (zip-bomb check, bounded cells,
    /// columns and rows): an upload never reaches the Open XML SDK unchecked. Throws <see cref="ImportException"/>
    /// with a Vietnamese message for a file it refuses.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> Read(byte[] content) => XlsxRows.FirstSheet(content);

    public static readonly string[] SetHeaders =
        ["Mã lĩnh vực", "Lĩnh vực", "Mã tiêu chí", "Tiêu chí", "Mã tiêu chí thành phần", "Tiêu chí thành phần", "Điểm tối đa",
         "Phương pháp (range/levels/ratio/survey)", "Mức hoặc ngưỡng", "Bắt buộc tài liệu kiểm chứng (x)", "Hướng dẫn chấm"];

    public static byte[] WriteSet(CriteriaSet set) =>
        Write("Bo tieu chi", set.Title, SetHeaders, set.Flatten().Select(i => (IReadOnlyList<object?>)
        [
            i.Area.Code, i.Area.Title, i.Criterion.Code, i.Criterion.Title, i.Sub.Code, i.Sub.Title, i.Sub.MaxPoints,
            MethodCode(i.Sub.Scoring), MethodParameters(i.Sub.Scoring), i.Sub.EvidenceRequired ? "x" : "", i.Sub.Guidance ?? "",
        ]));

    public static string MethodCode(ScoringMethod m) => m switch
    {
        LevelsScoring => "levels",
        RatioScoring => "ratio",
        SurveyScoring => "survey",
        _ => "range",
    };

    /// <summary>Levels "0; 0,5; 1"; ratio thresholds "100%: 1; 90%: 0,5" (ratio reached: share of the maximum).</summary>
    public static string MethodParameters(ScoringMethod m) => m switch
    {
        LevelsScoring l => string.Join("; ", l.Levels.Select(ParFormat.Num)),
        RatioScoring r => string.Join("; ", r.Thresholds.Select(t => $"{ParFormat.Num(t.MinRatio * 100)}%: {ParFormat.Num(t.ShareOfMax)}")),
        _ => "",
    };

    /// <summary>A scoring method from its code and parameters; null with a message when they do not read.</summary>
    public static (ScoringMethod? Method, string? Error) ParseMethod(string code, string? parameters, string subCode)
    {
        code = code.Trim().ToLowerInvariant();
        try
        {
            switch (code)
            {
                case "" or "range": return (new RangeScoring(), null);
                case "survey": return (new SurveyScoring(), null);
                case "levels":
                    var levels = Parts(parameters).Select(Dec).ToList();
                    return levels.Count == 0 ? (null, $"Tiêu chí {subCode}: hãy liệt kê các mức điểm, ví dụ \"0; 0,5; 1\".") : (new LevelsScoring(levels), null);
                case "ratio":
                    var thresholds = Parts(parameters).Select(p =>
                    {
                        var pair = p.Split(':');
                        if (pair.Length != 2) throw new FormatException();
                        return new RatioThreshold(Dec(pair[0].Replace("%", "")) / 100, Dec(pair[1]));
                    }).ToList();
                    return thresholds.Count == 0 ? (null, $"Tiêu chí {subCode}: hãy ghi ngưỡng tỷ lệ, ví dụ \"100%: 1; 90%: 0,5\".") : (new RatioScoring(thresholds), null);
                default:
                    return (null, $"Tiêu chí {subCode}: phương pháp \"{code}\" không hợp lệ; hãy dùng range, levels, ratio hoặc survey.");
            }
        }
        catch (FormatException)
        {
            return (null, $"Tiêu chí {subCode}: không đọc được mức hoặc ngưỡng \"{parameters}\". Ví dụ: mức \"0; 0,5; 1\", ngưỡng \"100%: 1; 90%: 0,5\".");
        }
    }

    static IEnumerable<string> Parts(string? text) =>
        (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static decimal Dec(string text) =>
        decimal.Parse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Reads a set written by <see cref="WriteSet"/> (or by hand in the same columns).</summary>
    public static (CriteriaSet? Set, IReadOnlyList<string> Errors) ReadSet(Stream stream, int year, string group)
    {
        IReadOnlyList<IReadOnlyList<string>> rows;
        try
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            rows = Read(copy.ToArray());
        }
        catch (ImportException e)
        {
            return (null, [$"Không đọc được tệp: {e.Message} Hãy xuất bộ tiêu chí từ ParTrack rồi sửa trên tệp đó."]);
        }
        var errors = new List<string>();
        var title = rows.Count > 0 && rows[0].Count > 0 ? rows[0][0] : $"Bộ tiêu chí Chỉ số CCHC năm {year}";
        var areas = new List<(string Code, string Title, List<(string Code, string Title, List<ParSubCriterion> Subs)> Criteria)>();
        foreach (var (row, n) in rows.Select((r, i) => (r, i + 1)).Skip(2))
        {
            string Cell(int c) => c < row.Count ? row[c] : "";
            if (Cell(4) == "") continue;
            if (!decimal.TryParse(Cell(6).Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var max))
            { errors.Add($"Dòng {n}: điểm tối đa \"{Cell(6)}\" không phải là số."); continue; }
            var (method, error) = ParseMethod(Cell(7), Cell(8), Cell(4));
            if (error is not null) { errors.Add($"Dòng {n}: {error}"); continue; }
            if (areas.Count == 0 || areas[^1].Code != Cell(0)) areas.Add((Cell(0), Cell(1), []));
            var criteria = areas[^1].Criteria;
            if (criteria.Count == 0 || criteria[^1].Code != Cell(2)) criteria.Add((Cell(2), Cell(3), []));
            criteria[^1].Subs.Add(new ParSubCriterion(Cell(4), Cell(5), max, method!,
                Cell(9).Equals("x", StringComparison.OrdinalIgnoreCase), Cell(10) == "" ? null : Cell(10)));
        }
        if (errors.Count > 0) return (null, errors);
        if (areas.Count == 0) return (null, ["Bảng tính không có dòng tiêu chí nào (từ dòng 3, cột E là mã tiêu chí thành phần)."]);
        var set = new CriteriaSet(year, group, title,
            areas.Select(a => new ParArea(a.Code, a.Title, a.Criteria.Select(c => new ParCriterion(c.Code, c.Title, c.Subs)).ToList())).ToList());
        var invalid = CriteriaSetValidation.Validate(set);
        return invalid.Count > 0 ? (null, invalid.Select(e => e.Message).ToList()) : (set, []);
    }
}
