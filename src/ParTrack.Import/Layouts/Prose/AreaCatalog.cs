using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Prose;

/// <summary>
/// The seven reform areas (lĩnh vực) and their canonical codes I–VII (DOMAIN.md §2). Plans word and
/// number the areas differently (003 puts institutions first as 2.1 and direction last as 2.7), so
/// every reader maps the printed title to one code here.
/// </summary>
public static class AreaCatalog
{
    public static readonly IReadOnlyList<string> Codes = ["I", "II", "III", "IV", "V", "VI", "VII"];

    /// <summary>
    /// Canonical code for an area title ("Cải cách TTHC và thực hiện cơ chế một cửa…" → "III"), or a
    /// roman numeral I–VII given as is; null when the title names no reform area.
    /// </summary>
    public static string? CodeOf(string? title)
    {
        var t = Text.Clean(title).ToLowerInvariant();
        if (t.Length == 0) return null;
        var bare = t.TrimEnd('.', ':', ' ').ToUpperInvariant();
        if (Codes.Contains(bare)) return bare;

        // Order matters: the specific areas first, since their titles also say "hành chính";
        // direction ("chỉ đạo", "triển khai") last, since other titles never contain it.
        if (t.Contains("thủ tục hành chính") || t.Contains("tthc")) return "III";
        if (t.Contains("thể chế")) return "II";
        if (t.Contains("tổ chức bộ máy")) return "IV";
        if (t.Contains("công vụ")) return "V";
        if (t.Contains("tài chính công")) return "VI";
        if (t.Contains("chính quyền điện tử") || t.Contains("chính quyền số") || t.Contains("chính phủ điện tử")
            || t.Contains("chính phủ số") || t.Contains("iso")) return "VII";
        if (t.Contains("chỉ đạo") || t.Contains("điều hành") || t.Contains("triển khai các nhiệm vụ")
            || t.Contains("triển khai nhiệm vụ")) return "I";
        return null;
    }
}
