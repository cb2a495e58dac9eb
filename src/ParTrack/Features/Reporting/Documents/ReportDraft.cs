using ParTrack.Domain.Reporting;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>
/// One paragraph of a drafted report. Key is stable between drafts of the same period (e.g. "area:12:figures",
/// "area:12:result:340:77"), so a re-draft can be compared with the saved text paragraph by paragraph.
/// Source says where the text came from ("Số liệu tiến độ kỳ 9 tháng/2025", "Báo cáo của Sở Tư pháp, nhiệm vụ 2.3");
/// SourceUrl opens it in the app.
/// </summary>
public sealed record DraftParagraph(string Key, string Text, string? Source = null, string? SourceUrl = null);

/// <summary>A heading (level 1 "I. …", 2 "1. …", 3 "a) …") with its paragraphs and an optional table.</summary>
public sealed record DraftSection(string Key, string Heading, int Level, IReadOnlyList<DraftParagraph> Paragraphs, DraftTable? Table = null);

/// <summary>A table with column weights (their share of the text width).</summary>
public sealed record DraftTable(IReadOnlyList<string> Columns, IReadOnlyList<int> Weights, IReadOnlyList<IReadOnlyList<string?>> Rows);

public sealed record DraftAnnex(string Number, string Title, DraftTable Table);

/// <summary>A report as drafted from the data: what the editor shows and what the DOCX prints.</summary>
public sealed record ReportDraft(OfficialHeader Header, IReadOnlyList<DraftParagraph> Opening, IReadOnlyList<DraftSection> Sections,
    OfficialSignature Signature, IReadOnlyList<DraftAnnex> Annexes, string FileName)
{
    public IEnumerable<DraftParagraph> AllParagraphs => Opening.Concat(Sections.SelectMany(s => s.Paragraphs));

    /// <summary>The draft with some paragraphs' text replaced (the coordinator's edits, by key); a blank text drops the paragraph.</summary>
    public ReportDraft WithTexts(IReadOnlyDictionary<string, string> texts)
    {
        IReadOnlyList<DraftParagraph> Apply(IEnumerable<DraftParagraph> ps) => ps
            .Select(p => texts.TryGetValue(p.Key, out var t) ? p with { Text = t } : p)
            .Where(p => !string.IsNullOrWhiteSpace(p.Text)).ToList();
        return this with { Opening = Apply(Opening), Sections = Sections.Select(s => s with { Paragraphs = Apply(s.Paragraphs) }).ToList() };
    }

    public byte[] ToDocx()
    {
        var doc = new OfficialDocument(Header);
        foreach (var p in Opening) doc.Paragraph(p.Text);
        foreach (var s in Sections)
        {
            doc.Heading(s.Heading, s.Level);
            foreach (var p in s.Paragraphs) doc.Paragraph(p.Text);
            if (s.Table is { } t) doc.Table(t.Columns, t.Weights, t.Rows);
        }
        doc.Closing(Signature);
        var number = Header.NumberSymbol;
        foreach (var a in Annexes)
        {
            doc.Annex(a.Number, a.Title, $"(Kèm theo Báo cáo số        /{number} ngày      tháng      năm {Header.Year})");
            doc.Table(a.Table.Columns, a.Table.Weights, a.Table.Rows);
        }
        return doc.ToBytes();
    }

    /// <summary>The words after "Báo cáo kết quả thực hiện công tác cải cách hành chính": "quý I năm 2025", "9 tháng năm 2025".</summary>
    public static string PeriodWords(ReportingPeriodKind kind, int year, string title) => kind switch
    {
        ReportingPeriodKind.Q1 => $"quý I năm {year}",
        ReportingPeriodKind.SixMonths => $"6 tháng đầu năm {year}",
        ReportingPeriodKind.Q3 => $"9 tháng năm {year}",
        ReportingPeriodKind.Year => $"năm {year}",
        _ => title,
    };

    /// <summary>"41,33%": the Vietnamese decimal comma as in published reports.</summary>
    public static string Percent(int part, int whole) =>
        whole == 0 ? "0%" : (100m * part / whole).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")) + "%";

    public static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));

    public static string Slug(string s) => new string(s.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => c == 'đ' ? 'd' : c == 'Đ' ? 'D' : char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray())
        .Replace("--", "-").Trim('-');
}
