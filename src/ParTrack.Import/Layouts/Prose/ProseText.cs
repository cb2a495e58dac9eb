using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Prose;

public enum ParagraphKind { Roman, Numbered, Bullet, Plain }

/// <summary>
/// One paragraph of body text. <see cref="Number"/> is the printed numbering without its final dot
/// ("II", "2.1"); <see cref="Body"/> is the text after the numbering or bullet; <see cref="Line"/> is
/// the 0-based line where it starts.
/// </summary>
public sealed record Paragraph(ParagraphKind Kind, string? Number, string Body, int Line)
{
    /// <summary>A short numbered line without final punctuation: a section title, not a statement.</summary>
    public bool IsHeading => Kind is ParagraphKind.Roman or ParagraphKind.Numbered
        && Body.Split(' ').Length <= 16 && !Body.EndsWith('.') && !Body.EndsWith(';');

    public int Depth => Number?.Count(c => c == '.') + 1 ?? 0;
}

/// <summary>
/// Turns a document's lines into paragraphs. PDF text (002) breaks each paragraph over many lines
/// and inserts page numbers, footnotes and a repeated letterhead mid-sentence; web text (000, 003)
/// has one paragraph per line. Both come out as the same paragraphs.
/// </summary>
public static partial class ProseText
{
    public static List<Paragraph> Paragraphs(IReadOnlyList<string> lines)
    {
        var result = new List<Paragraph>();
        Paragraph? current = null;
        var currentLines = 1;
        var inFootnote = false;

        for (var i = 0; i < lines.Count; i++)
        {
            var line = Text.Clean(lines[i]);
            if (line.Length == 0) continue;
            if (IsFurniture(line))
            {
                inFootnote = false; // a page number or letterhead ends the footnote area of a page
                continue;
            }
            if (FootnoteStart().IsMatch(line))
            {
                inFootnote = true;
                continue;
            }

            var started = Start(line, i);
            if (started is null && inFootnote) continue; // footnote continues on this line
            if (started is null && current is not null && !StartsNewPlainParagraph(current, currentLines, line))
            {
                current = current with { Body = current.Body + " " + line };
                result[^1] = current;
                currentLines++;
                continue;
            }
            inFootnote = false;
            current = started ?? new Paragraph(ParagraphKind.Plain, null, line, i);
            currentLines = 1;
            result.Add(current);
        }
        return result;
    }

    /// <summary>The paragraphs from the one at <paramref name="start"/> (exclusive) up to the next roman heading.</summary>
    public static List<Paragraph> SectionBody(List<Paragraph> paragraphs, int start)
    {
        var body = new List<Paragraph>();
        for (var i = start + 1; i < paragraphs.Count && paragraphs[i].Kind != ParagraphKind.Roman; i++)
            body.Add(paragraphs[i]);
        return body;
    }

    /// <summary>Index of the first roman-numbered heading whose title contains <paramref name="word"/> (upper case), or -1.</summary>
    public static int FindRomanSection(List<Paragraph> paragraphs, string word) =>
        paragraphs.FindIndex(p => p.Kind == ParagraphKind.Roman && p.Body.ToUpperInvariant().Contains(word));

    private static Paragraph? Start(string line, int index)
    {
        var m = RomanHeading().Match(line);
        if (m.Success) return new Paragraph(ParagraphKind.Roman, m.Groups["num"].Value, m.Groups["text"].Value, index);
        m = NumberedItem().Match(line);
        if (m.Success) return new Paragraph(ParagraphKind.Numbered, m.Groups["num"].Value, m.Groups["text"].Value, index);
        m = BulletItem().Match(line);
        if (m.Success) return new Paragraph(ParagraphKind.Bullet, null, m.Groups["text"].Value, index);
        return null;
    }

    // An unnumbered line starts a new paragraph only when it cannot be a wrapped continuation:
    // it starts with a capital and the text before it ended a sentence, or was a one-line heading.
    private static bool StartsNewPlainParagraph(Paragraph current, int currentLines, string line)
    {
        if (!char.IsUpper(line[0])) return false;
        var last = current.Body[^1];
        if (last is '.' or ':' or ';' or '!' or '?') return true;
        return currentLines == 1 && current.IsHeading;
    }

    /// <summary>Page furniture: page numbers, the letterhead repeated at page tops, rules, empty table cells.</summary>
    public static bool IsFurniture(string line)
    {
        var l = line.Trim('|', ' ');
        if (l.Length == 0 || PageNumber().IsMatch(l) || l.All(c => c is '-' or '_' or '*')) return true;
        var upper = l.ToUpperInvariant();
        return upper is "ỦY BAN NHÂN DÂN" or "UỶ BAN NHÂN DÂN" or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
                   or "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM" or "ĐỘC LẬP - TỰ DO - HẠNH PHÚC" or "CỘNG HÒA XÃ HỘI"
                   or "CHỦ NGHĨA VIỆT NAM"
               || (l == upper && upper.StartsWith("TỈNH ") && upper.Split(' ').Length <= 4);
    }

    [GeneratedRegex(@"^(?<num>(?:VIII|VII|VI|IV|IX|V|X|III|II|I))\.\s*(?<text>\S.*)$")]
    private static partial Regex RomanHeading();

    // "1. …", "1.1 …", "1.1. 100% …", "2.3.Kiểm tra" but not "2021 …", "100% …", "26/5/2022 …" or "4.000 …".
    [GeneratedRegex(@"^(?<num>\d{1,2}(?:\.\d{1,2})+)(?![\d,/])\.?(?:\s*(?=\p{L})|\s+(?=\d))(?<text>.+)$|^(?<num>\d{1,2})\.(?:\s*(?=\p{L})|\s+(?=\d))(?<text>.+)$")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"^[-–•+]\s*(?<text>\S.*)$")]
    private static partial Regex BulletItem();

    [GeneratedRegex(@"^\d{1,3}$")]
    private static partial Regex PageNumber();

    // A footnote at a page bottom: its marker sticks to the first word ("1Nghị quyết số …").
    [GeneratedRegex(@"^\d{1,2}\p{Lu}\p{Ll}")]
    private static partial Regex FootnoteStart();
}
