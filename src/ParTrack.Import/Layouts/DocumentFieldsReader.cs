using System.Globalization;
using System.Text.RegularExpressions;
using ParTrack.Import.Layouts.Document;
using ParTrack.Import.Layouts.Prose;
using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts;

/// <summary>
/// Reads số hiệu, type, issuer, place, date, signer, title and years. Owner: import-prose.
/// Choices (the contract leaves them open):
/// - number/type/date describe the document that issues the plan (the Quyết định), or the plan itself
///   when it stands alone; a news item's "ban hành Quyết định số …" is used when there is no "Số:" line.
/// - issuer is always the short "UBND tỉnh X", even when the Chairman signs (000, 002): the province
///   comes from the letterhead "TỈNH X", else the date line's place, else the title.
/// - title is the plan's own name as Điều 1 writes it, in sentence case ("Kế hoạch cải cách hành chính
///   tỉnh Hà Tĩnh năm 2025"), without a final dot; year ranges keep their printed spacing.
/// - website wrappers (metadata rows, "HIỆU LỰC VĂN BẢN") are used only when the document itself is
///   silent, e.g. 000's signer, whose signature block has no name.
/// </summary>
public static partial class DocumentFieldsReader
{
    public static PlanDocumentInfo Read(SourceDocument doc, int? yearOverride, List<ImportWarning> warnings)
    {
        var lines = doc.Lines.Select(l => Text.Clean(l).Trim('|', ' ')).ToList();
        var all = string.Join(" ", lines.Where(l => l.Length > 0));

        var header = Letterhead.HeaderLines(doc, lines);
        var (number, numberBlank) = ReadNumber(header, all, warnings);
        var (place, issuedOn) = ReadPlaceAndDate(header, all, warnings);
        var title = ReadTitle(lines, all);
        var province = ReadProvince(lines, place, title, all);
        var (fromYear, toYear) = ReadYears(title, issuedOn, yearOverride, warnings);

        return new PlanDocumentInfo
        {
            Number = numberBlank ? null : number,
            Type = ReadType(lines, all, number),
            Issuer = Letterhead.Issuer(header) ?? (province is null ? null : $"UBND tỉnh {province}"),
            Place = place,
            IssuedOn = issuedOn,
            Signer = ReadSigner(lines),
            Title = title,
            FromYear = fromYear,
            ToYear = toYear,
        };
    }

    // "Số: 3098/QĐ-UBND"; a draft's "Số:      /QĐ-UBND" is blank and stays null.
    private static (string? Number, bool Blank) ReadNumber(List<string> lines, string all, List<ImportWarning> warnings)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var m = NumberLine().Match(lines[i]);
            if (!m.Success) continue;
            if (m.Groups["n"].Success) return ($"{m.Groups["n"].Value}/{m.Groups["kind"].Value}", false);
            warnings.Add(new ImportWarning(WarningKinds.DocumentField, $"dòng {i + 1}",
                "Số hiệu văn bản còn để trống (có thể là bản dự thảo) nên chưa ghi số hiệu; hãy nhập số hiệu khi văn bản được ký ban hành."));
            return (null, true);
        }
        var news = IssuedDecision().Match(all);
        if (news.Success) return (news.Groups["number"].Value, false);
        var meta = MetadataField(lines, "Số hiệu");
        return (meta, false);
    }

    private static string? ReadType(List<string> lines, string all, string? number)
    {
        foreach (var line in lines)
        {
            var upper = line.ToUpperInvariant();
            if (line != upper) continue;
            var type = upper switch
            {
                "QUYẾT ĐỊNH" => "Quyết định",
                "KẾ HOẠCH" => "Kế hoạch",
                "CHỈ THỊ" => "Chỉ thị",
                "NGHỊ QUYẾT" => "Nghị quyết",
                "CHƯƠNG TRÌNH" => "Chương trình",
                _ => null,
            };
            if (type is not null) return type;
        }
        var news = IssuedDecision().Match(all);
        if (news.Success) return Sentence(news.Groups["type"].Value);
        // The number's kind code says the type when no heading does: "…/QĐ-UBND", "…/KH-UBND".
        if (number?.Contains("/QĐ") == true) return "Quyết định";
        if (number?.Contains("/KH") == true) return "Kế hoạch";
        return null;
    }

    private static (string? Place, DateOnly? IssuedOn) ReadPlaceAndDate(List<string> lines, string all, List<ImportWarning> warnings)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var m = DateLine().Match(lines[i]);
            if (!m.Success) continue;
            var date = ParseDate(m.Groups["date"].Value);
            if (date is null)
                warnings.Add(new ImportWarning(WarningKinds.DocumentField, $"dòng {i + 1}",
                    "Ngày ban hành còn để trống hoặc không đọc được nên chưa ghi ngày; hãy nhập ngày ban hành theo văn bản đã ký."));
            return (m.Groups["place"].Value, date);
        }
        // A PDF line holding both header columns: "Số: 12/KH-UBND Hà Nội, ngày 29 tháng 12 năm 2021".
        foreach (var line in lines)
            if (DateInLine().Match(line) is { Success: true } m && ParseDate(m.Groups["date"].Value) is { } date)
                return (m.Groups["place"].Value, date);
        // No date line: a news item ("Ngày 24/12/2024, UBND tỉnh … ban hành …") or website metadata.
        var news = NewsDate().Match(all);
        if (news.Success) return (null, ParseDate(news.Groups["date"].Value));
        return (null, ParseDate(MetadataField(lines, "Ngày ban hành")));
    }

    /// <summary>"ngày 31 tháng 12 năm 2024", "8 tháng 9 năm 2021", "9/8/2022" → a date; null when blank or invalid.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var m = WordDate().Match(text);
        if (!m.Success) m = SlashDate().Match(text);
        if (!m.Success) return null;
        var (d, mo, y) = (int.Parse(m.Groups["d"].Value), int.Parse(m.Groups["m"].Value), int.Parse(m.Groups["y"].Value));
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }

    // The plan's name: Điều 1 "Ban hành kèm theo Quyết định này Kế hoạch …", a news item's
    // "ban hành Kế hoạch …", else the heading after "KẾ HOẠCH" put into sentence case.
    private static string? ReadTitle(List<string> lines, string all)
    {
        var m = Article1Title().Match(all);
        if (!m.Success) m = NewsTitle().Match(all);
        if (m.Success) return Text.Clean(m.Groups["title"].Value);

        var at = lines.FindIndex(l => l == "KẾ HOẠCH");
        if (at < 0)
        {
            // A news item: "ban hành Kế hoạch số 215/KH-UBND về cải cách hành chính năm 2023."
            m = NewsNumberedTitle().Match(all);
            return m.Success ? $"{m.Groups["type"].Value} {Text.Clean(m.Groups["subject"].Value)}" : null;
        }
        // The name under "KẾ HOẠCH" takes a few lines at most; it ends at the "(Kèm theo …)" line, the
        // first section, the appendix or a table row (a page with no Điều 1 goes straight on to them).
        var words = new List<string>();
        for (var i = at + 1; i < lines.Count && words.Count < 4; i++)
        {
            var line = lines[i];
            if (line.StartsWith('(') || line.StartsWith("I.") || line.Contains('|') || line.StartsWith("PHỤ LỤC") || Preamble().IsMatch(line)) break;
            if (line.Length > 0) words.Add(line);
        }
        if (words.Count == 0) return null;
        var name = Text.Clean(string.Join(" ", words));
        // An all-capitals heading is lowered; a name written in sentence case keeps its proper names.
        name = name == name.ToUpper(Vietnamese) ? name.ToLower(Vietnamese) : char.ToLower(name[0], Vietnamese) + name[1..];
        return "Kế hoạch " + name;
    }

    private static string? ReadProvince(List<string> lines, string? place, string? title, string all)
    {
        // Letterhead: "ỦY BAN NHÂN DÂN" then "TỈNH LÂM ĐỒNG" (000 has no second line).
        for (var i = 0; i + 1 < lines.Count && i < 80; i++)
        {
            if (lines[i].ToUpperInvariant() is not ("ỦY BAN NHÂN DÂN" or "UỶ BAN NHÂN DÂN")) continue;
            var next = lines.Skip(i + 1).FirstOrDefault(l => l.Length > 0) ?? "";
            if (next.StartsWith("TỈNH ")) return Proper(next["TỈNH ".Length..]);
        }
        if (place is not null) return place;
        var m = ProvinceInText().Match(title ?? "");
        if (!m.Success) m = ProvinceInText().Match(all);
        return m.Success ? m.Groups["name"].Value : null;
    }

    private static (int? From, int? To) ReadYears(string? title, DateOnly? issuedOn, int? yearOverride, List<ImportWarning> warnings)
    {
        if (yearOverride is int y) return (y, y);
        if (PlanYears.FromTitle(title) is var (from, to)) return (from, to);
        if (issuedOn is DateOnly date)
        {
            var year = PlanYears.FromIssueDate(date);
            warnings.Add(new ImportWarning(WarningKinds.DocumentField, "tiêu đề",
                $"Tiêu đề không ghi năm của kế hoạch; đã lấy năm {year} theo ngày ban hành {date:dd/MM/yyyy}. Hãy kiểm tra lại năm kế hoạch."));
            return (year, year);
        }
        warnings.Add(new ImportWarning(WarningKinds.DocumentField, "tiêu đề",
            "Không đọc được năm của kế hoạch từ tiêu đề hay ngày ban hành; hãy nhập năm của kế hoạch."));
        return (null, null);
    }

    // The name under the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Hồng Lĩnh"); 000's
    // block has no name, so the website's "Người ký" row is the fallback.
    private static string? ReadSigner(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!SignatureTitle().IsMatch(lines[i])) continue;
            var seen = 0;
            for (var j = i + 1; j < lines.Count && seen < 4; j++)
            {
                if (lines[j].Length == 0) continue;
                seen++;
                if (PersonName().IsMatch(lines[j])) return lines[j];
            }
        }
        return MetadataField(lines, "Người ký");
    }

    // "| Người ký | Nguyễn Hồng Lĩnh |" (000) or "• Người ký: Trần Văn Hiệp" (003).
    private static string? MetadataField(List<string> lines, string name)
    {
        foreach (var line in lines)
        {
            var l = line.TrimStart('•', ' ');
            if (!l.StartsWith(name)) continue;
            var value = l[name.Length..].Trim(' ', '|', ':');
            var bar = value.IndexOf('|');
            if (bar >= 0) value = value[..bar].Trim();
            if (value.Length > 0) return value;
        }
        return null;
    }

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string Sentence(string s) => s.Length == 0 ? s : char.ToUpper(s[0], Vietnamese) + s[1..].ToLower(Vietnamese);

    private static string Proper(string s) =>
        string.Join(" ", s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Sentence));

    [GeneratedRegex(@"^Số\s*:\s*(?:(?<n>\d+)\s*)?[.…]*\s*/\s*(?<kind>[\p{Lu}Đ&]+-[\p{Lu}Đ&]+)")]
    private static partial Regex NumberLine();

    [GeneratedRegex(@"ban hành (?<type>Quyết định|Kế hoạch|Chỉ thị) số (?<number>\d+/[\p{Lu}Đ&]+-[\p{Lu}Đ&]+)")]
    private static partial Regex IssuedDecision();

    // "Hà Tĩnh, ngày 31 tháng 12 năm 2024" (also the draft "Hà Tĩnh, ngày    tháng   năm 2023").
    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}. ]{1,40}?),\s*(?<date>ngày.*năm\s*\d{4})")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"(?<place>\p{Lu}\p{Ll}+(?: \p{L}+){0,5}),\s*(?<date>ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})")]
    private static partial Regex DateInLine();

    // The preamble after the plan's name: "Căn cứ …", "Thực hiện Kế hoạch số …", "Triển khai …".
    [GeneratedRegex(@"^(?:Căn cứ|Thực hiện|Triển khai|Nhằm|Để)\b")]
    private static partial Regex Preamble();

    [GeneratedRegex(@"[Nn]gày (?<date>\d{1,2}/\d{1,2}/\d{4}),\s*(?:UBND|Ủy ban|Chủ tịch)")]
    private static partial Regex NewsDate();

    [GeneratedRegex(@"(?<d>\d{1,2})\s*tháng\s*(?<m>\d{1,2})\s*năm\s*(?<y>\d{4})")]
    private static partial Regex WordDate();

    [GeneratedRegex(@"(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})")]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"Điều 1\.\s*Ban hành kèm theo [Qq]uyết định này (?<title>Kế hoạch.+?)\s*\.(?:\s|$)")]
    private static partial Regex Article1Title();

    [GeneratedRegex(@"về ban hành (?<title>Kế hoạch .+?)(?:[.,;](?:\s|$)|$)")]
    private static partial Regex NewsTitle();

    [GeneratedRegex(@"ban hành (?<type>Kế hoạch) số \S+ về (?:việc )?(?<subject>[^.;]+?)(?:[.;](?:\s|$)|$)")]
    private static partial Regex NewsNumberedTitle();

    [GeneratedRegex(@"tỉnh (?<name>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})")]
    private static partial Regex ProvinceInText();

    // The head of a People's Committee, a department, a ministry or an office signs under their title.
    [GeneratedRegex(@"^(?:(?:KT|TM|TL|Q)\.\s*)?(?:PHÓ )?(?:CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG|THỨ TRƯỞNG|CỤC TRƯỞNG|VỤ TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG)$|^(?:KT|TM)\.\s")]
    private static partial Regex SignatureTitle();

    // "Trần Văn Hiệp": 2–5 capitalised words, not all capitals.
    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){1,4}$")]
    private static partial Regex PersonName();
}
