using System.Text;

// In the parent namespace of every feature: writers and handlers of every area use it without a using.
namespace ParTrack.Features;

/// <summary>
/// Text as it may be kept and written. <see cref="Normalize"/> is the one input normaliser: every save
/// passes changed strings through it (see <c>AuditInterceptor</c>), so forms, the API, imports and CSV all
/// store the same shape. <see cref="ForXml"/> is the last guard of every DOCX/XLSX writer, for text stored
/// before the normaliser existed: a single vertical tab pasted from Word made the period's exports fail.
/// </summary>
public static class SafeText
{
    /// <summary>
    /// Control characters removed (tab and newline kept; a vertical tab or form feed, Word's manual line and
    /// page breaks, become a newline), CR LF and lone CR become LF, and the text is composed (NFC), so
    /// "ệ" typed or pasted in decomposed form compares and sorts like the rest.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        if (IsClean(text)) return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (c is '\v' or '\f') sb.Append('\n');
            else if (c == '\t' || c == '\n' || !IsControl(c)) sb.Append(c);
        }
        var result = sb.ToString();
        // Lone surrogates cannot be composed (nor written to XML): drop them.
        return result.IsNormalized(NormalizationForm.FormC) ? result : ForXml(result).Normalize(NormalizationForm.FormC);
    }

    static bool IsClean(string text)
    {
        foreach (var c in text)
            if (c == '\r' || (c != '\t' && c != '\n' && IsControl(c))) return false;
        return true;
    }

    // C0, DEL and C1 controls, and the two non-characters XML refuses.
    static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F) || c is '\uFFFE' or '\uFFFF';

    /// <summary>
    /// The text with every character XML 1.0 cannot hold left out (Open XML writers otherwise throw while
    /// saving); a vertical tab or form feed becomes a newline so the words on either side stay apart.
    /// </summary>
    public static string ForXml(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (XmlValid(text)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (c is '\v' or '\f') sb.Append('\n');
            else if (IsXmlChar(c)) sb.Append(c);
        }
        return sb.ToString();
    }

    static bool XmlValid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (!IsXmlChar(c)) return false;
        }
        return true;
    }

    // XML 1.0 allows DEL and the C1 controls, but Word and Excel do not read them as text: left out too.
    static bool IsXmlChar(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c < 0x7F) || (c > 0x9F && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
}
