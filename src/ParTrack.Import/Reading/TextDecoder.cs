using System.Text;

namespace ParTrack.Import.Reading;

/// <summary>
/// Plain text must be UTF-8 (with or without BOM) or UTF-16 (BOM, or recognised by its NUL bytes).
/// Legacy Vietnamese encodings (Windows-1258, TCVN3/ABC, VNI) cannot be told apart reliably, so they
/// are refused with a message asking for UTF-8 rather than imported as garbled text.
/// </summary>
internal static class TextDecoder
{
    private const string NotUnicode = "Tệp văn bản không phải UTF-8 hoặc UTF-16; hãy lưu lại với mã hóa UTF-8.";

    public static string Decode(byte[] content)
    {
        var span = content.AsSpan();
        string text;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            text = Strict(new UTF8Encoding(false, true), content, 3);
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            text = Strict(new UnicodeEncoding(false, false, true), content, 2);
        else if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            text = Strict(new UnicodeEncoding(true, false, true), content, 2);
        else if (GuessUtf16(content) is { } bigEndian)
            text = Strict(new UnicodeEncoding(bigEndian, false, true), content, 0);
        else
            text = Strict(new UTF8Encoding(false, true), content, 0);

        if (LooksBinary(text))
            throw new ImportException("Tệp không phải văn bản (có vẻ là tệp nhị phân hoặc bị hỏng); hãy tải lên tệp .docx, .xlsx, .pdf, .html hoặc văn bản UTF-8.");
        return text;
    }

    private static string Strict(Encoding encoding, byte[] content, int skip)
    {
        try
        {
            if (encoding is UnicodeEncoding && (content.Length - skip) % 2 != 0)
                throw new ImportException(NotUnicode);
            return encoding.GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            throw new ImportException(NotUnicode);
        }
    }

    /// <summary>
    /// UTF-16 without BOM: mostly-ASCII or Vietnamese text has a NUL (or a 0x1E/0x00 high byte) in every
    /// other byte. Returns true for big-endian, false for little-endian, null when it is not UTF-16.
    /// </summary>
    private static bool? GuessUtf16(byte[] content)
    {
        var n = Math.Min(content.Length, 8192) & ~1;
        if (n < 4) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < n; i += 2)
        {
            if (content[i] == 0) zeroEven++;
            if (content[i + 1] == 0) zeroOdd++;
        }
        var pairs = n / 2;
        if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) return false;
        if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) return true;
        return null;
    }

    /// <summary>Control characters other than layout ones mean this is not a text document.</summary>
    private static bool LooksBinary(string text)
    {
        var sample = Math.Min(text.Length, 1 << 20);
        var control = 0;
        for (var i = 0; i < sample; i++)
        {
            var ch = text[i];
            if (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t' or '\f' or '\v')) control++;
        }
        return control > 8 && control > sample / 100;
    }
}
