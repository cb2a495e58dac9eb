using System.Globalization;
using System.Text;
using C = ParTrack.Domain.Kpis.DossierColumns;

namespace ParTrack.Domain.Kpis;

/// <summary>
/// The mapping step's first guess: which column of an export is which contract column, by how much its header looks
/// like the words one-stop systems use for it ("Mã hồ sơ", "Ngày tiếp nhận", …). The coordinator confirms or changes
/// every choice; nothing is imported on a guess.
/// </summary>
public static class ColumnProposal
{
    /// <summary>Below this similarity a header is not proposed: a wrong guess costs more than an empty choice.</summary>
    public const double Threshold = 0.6;

    // Written without accents, as Plain() reads headers; the contract's own name comes first.
    private static readonly Dictionary<string, string[]> Words = new(StringComparer.Ordinal)
    {
        [C.DossierCode] = ["dossier code", "ma ho so", "so ho so", "ma hs", "so bien nhan", "ma bien nhan"],
        [C.ProcedureCode] = ["procedure code", "ma thu tuc", "ma tthc", "ma thu tuc hanh chinh"],
        [C.ProcedureName] = ["procedure name", "ten thu tuc", "ten tthc", "ten thu tuc hanh chinh"],
        [C.Field] = ["field", "linh vuc", "ten linh vuc"],
        [C.Agency] = ["agency", "co quan", "don vi", "co quan giai quyet", "don vi giai quyet", "don vi xu ly"],
        [C.Level] = ["level", "cap", "cap giai quyet", "cap thuc hien"],
        [C.ReceivedAt] = ["received at", "ngay tiep nhan", "ngay nhan", "ngay nop", "thoi gian tiep nhan"],
        [C.DueAt] = ["due at", "han tra", "ngay hen tra", "han giai quyet", "han xu ly", "ngay hen tra ket qua"],
        [C.ResolvedAt] = ["resolved at", "ngay co ket qua", "ngay giai quyet", "ngay hoan thanh", "ngay xu ly xong"],
        [C.ReturnedAt] = ["returned at", "ngay tra ket qua", "ngay tra kq", "ngay tra"],
        [C.Channel] = ["channel", "hinh thuc nop", "kenh nop", "hinh thuc tiep nhan", "kenh tiep nhan"],
        [C.ServiceLevel] = ["service level", "muc do", "muc do dvc", "muc do dich vu cong"],
        [C.FeeRequired] = ["fee required", "co phi", "phi le phi", "thu phi", "co thu phi"],
        [C.PaidOnline] = ["paid online", "thanh toan truc tuyen", "da thanh toan truc tuyen", "thanh toan online"],
        [C.DigitisedInputs] = ["digitised inputs", "so hoa ho so", "so hoa thanh phan ho so", "so hoa thanh phan"],
        [C.DigitisedResult] = ["digitised result", "so hoa ket qua", "so hoa kq"],
        [C.Status] = ["status", "trang thai", "tinh trang", "trang thai ho so"],
        [C.SuspendedDays] = ["suspended days", "so ngay tam dung", "ngay tam dung", "tam dung"],
    };

    /// <summary>
    /// Contract column → index of the header cell proposed for it. Pairs are taken best first, so each header serves
    /// one column and each column gets its most similar header.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Propose(IReadOnlyList<string> header)
    {
        var pairs = new List<(double Score, string Column, int Index)>();
        for (var i = 0; i < header.Count; i++)
        {
            var plain = Plain(header[i]);
            if (plain.Length == 0) continue;
            foreach (var (column, words) in Words)
            {
                var score = words.Max(w => Similarity(plain, w));
                if (score >= Threshold) pairs.Add((score, column, i));
            }
        }
        var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
        var used = new HashSet<int>();
        foreach (var (_, column, index) in pairs.OrderByDescending(p => p.Score).ThenBy(p => p.Index))
        {
            if (chosen.ContainsKey(column) || used.Contains(index)) continue;
            chosen[column] = index;
            used.Add(index);
        }
        return chosen;
    }

    /// <summary>Lower case, accents and đ removed, anything else than letters and digits a single space.</summary>
    public static string Plain(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            var c = char.ToLowerInvariant(ch is 'đ' or 'Đ' ? 'd' : ch);
            if (char.IsLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
        }
        return sb.ToString().Trim();
    }

    /// <summary>Dice coefficient of the two texts' letter pairs: 1 for the same words, 0 for nothing in common.</summary>
    public static double Similarity(string a, string b)
    {
        if (a == b) return 1;
        var left = Pairs(a);
        var right = Pairs(b);
        if (left.Count == 0 || right.Count == 0) return 0;
        var common = 0;
        foreach (var p in left)
            if (right.Remove(p)) common++;
        return 2.0 * common / (left.Count + Pairs(b).Count);
    }

    private static List<string> Pairs(string s)
    {
        var pairs = new List<string>();
        for (var i = 0; i + 1 < s.Length; i++) pairs.Add(s.Substring(i, 2));
        return pairs;
    }
}
