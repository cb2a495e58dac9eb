using System.Globalization;
using System.Text.RegularExpressions;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Document;

/// <summary>
/// The issuing body from the letterhead (góc trên bên trái): "ỦY BAN NHÂN DÂN / TỈNH LÂM ĐỒNG" is
/// "UBND tỉnh Lâm Đồng"; "UBND TỈNH HÀ TĨNH / SỞ NỘI VỤ" is "Sở Nội vụ" (the lower line issues, the
/// upper is its parent); "ỦY BAN NHÂN DÂN / XÃ TÂN PHÚ" is "UBND xã Tân Phú"; "BỘ NỘI VỤ" is "Bộ Nội vụ".
/// Lines come from the text and from the cells of a two-column header table, as the formats give them.
/// </summary>
public static partial class Letterhead
{
    /// <summary>The lines the header fields are searched in: each text line, each cell of a pipe row, and
    /// each paragraph of a small (header) table's cells, header tables first.</summary>
    public static List<string> HeaderLines(SourceDocument doc, IReadOnlyList<string> lines)
    {
        var result = new List<string>();
        foreach (var table in doc.Tables.Where(t => t.Rows.Count <= 4 && t.Rows.All(r => r.Count <= 3)))
            foreach (var row in table.Rows)
                foreach (var cell in row.Distinct())
                    result.AddRange(cell.Split('\n').Select(Parsing.Text.Clean).Where(l => l.Length > 0));
        foreach (var line in lines)
        {
            if (!line.Contains('|')) { result.Add(line); continue; }
            result.AddRange(line.Split('|').Select(c => c.Trim()).Where(c => c.Length > 0));
        }
        return result;
    }

    /// <summary>The issuer written in the letterhead, or null when there is none with a name (000's bare "ỦY BAN NHÂN DÂN").</summary>
    public static string? Issuer(IReadOnlyList<string> headerLines)
    {
        for (var i = 0; i < headerLines.Count && i < 200; i++)
        {
            if (Organisation(headerLines[i], false) is not { } first) continue;
            // Read the block of letterhead lines: the last named body in it issues the document.
            string? issuer = first.Named ? first.Name : null;
            var underPeople = first.IsPeoplesCommittee;
            for (var (j, read) = (i + 1, 0); j < headerLines.Count && read < 3; j++)
            {
                // A PDF's -layout text puts a blank line between the letterhead's lines (the right column's
                // motto is spaced wider): a blank line does not end the block.
                if (string.IsNullOrWhiteSpace(headerLines[j])) continue;
                read++;
                if (Organisation(headerLines[j], underPeople) is not { } next) break;
                if (next.Named) issuer = next.Name;
                underPeople = next.IsPeoplesCommittee && !next.Named;
            }
            if (issuer is not null) return issuer;
        }
        return null;
    }

    sealed record Org(string? Name, bool IsPeoplesCommittee)
    {
        public bool Named => Name is not null;
    }

    static Org? Organisation(string line, bool afterPeoplesCommittee)
    {
        // A PDF line holds both header columns: "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
        var l = RightColumn().Replace(Parsing.Text.Clean(line), "").Trim('-', '–', '_', ' ');
        if (l.Length == 0 || l != l.ToUpperInvariant()) return null;
        if (PeoplesCommittee().Match(l) is { Success: true } pc)
            return pc.Groups["unit"].Success ? new Org(Local(pc.Groups["level"].Value, pc.Groups["unit"].Value), true) : new Org(null, true);
        if (afterPeoplesCommittee && LocalUnit().Match(l) is { Success: true } lu)
            return new Org(Local(lu.Groups["level"].Value, lu.Groups["unit"].Value), true);
        if (Body().Match(l) is { Success: true } b)
            return new Org(AgencyName(b.Groups["head"].Value, b.Groups["rest"].Value), false);
        return null;
    }

    static string Local(string level, string unit) => $"UBND {level.ToLower(Vietnamese)} {Proper(unit)}";

    // "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH" → "Sở Văn hóa, Thể thao và Du lịch": a name word starts each
    // part after the head, a comma, "và" or a dash.
    static string AgencyName(string head, string rest)
    {
        var words = rest.ToLower(Vietnamese).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
            if (i == 0 || words[i - 1] is "và" or "-" or "–" || words[i - 1].EndsWith(','))
                words[i] = Cap(words[i]);
        return Cap(head.ToLower(Vietnamese)) + " " + string.Join(" ", words);
    }

    static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    static string Cap(string w) => w.Length == 0 ? w : char.ToUpper(w[0], Vietnamese) + w[1..];
    static string Proper(string s) => string.Join(" ", s.ToLower(Vietnamese).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Cap));

    [GeneratedRegex(@"\s*(?:CỘNG H[OÒ]A XÃ H[ỘO]I|Độc lập|ĐỘC LẬP)\b.*$")]
    private static partial Regex RightColumn();

    [GeneratedRegex(@"^(?:(?:ỦY|UỶ) BAN NHÂN DÂN|UBND)(?:\s+(?<level>TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)\s+(?<unit>[\p{Lu} ]+))?$")]
    private static partial Regex PeoplesCommittee();

    [GeneratedRegex(@"^(?<level>TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN)\s+(?<unit>[\p{Lu} ]+)$")]
    private static partial Regex LocalUnit();

    [GeneratedRegex(@"^(?<head>SỞ|BỘ|BAN|VĂN PHÒNG|CỤC|CHI CỤC|TỔNG CỤC)\s+(?<rest>[\p{Lu} ,\-–]+)$")]
    private static partial Regex Body();
}
