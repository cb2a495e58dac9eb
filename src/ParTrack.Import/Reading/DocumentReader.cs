using System.Text;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Reading;

/// <summary>
/// Detects the format from the bytes (not only the extension) and extracts lines and tables.
/// Limits: <see cref="MaxBytes"/> (50 MB) per file; DOCX also has zip-bomb limits (see <see cref="DocxReader"/>);
/// PDF extraction is given <see cref="PdfReader.Timeout"/>. Text is NFC, without NUL, one entry per line.
/// </summary>
public static class DocumentReader
{
    /// <summary>Largest file accepted, 50 MB: a real plan with its appendix is a few MB at most.</summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    /// <summary>Throws <see cref="ImportException"/> with a Vietnamese one-line reason when the document cannot be read.</summary>
    public static SourceDocument Read(byte[] content, string? fileName, List<ImportWarning> warnings)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
            throw new ImportException("Tệp rỗng: không có nội dung để nhập; hãy chọn đúng tệp kế hoạch.");
        if (content.Length > MaxBytes)
            throw new ImportException($"Tệp quá lớn ({content.Length / (1024 * 1024)} MB); chỉ nhận tệp đến {MaxBytes / (1024 * 1024)} MB, hãy bỏ bớt phần không phải kế hoạch.");

        if (StartsWith(content, "%PDF-"u8) || FindPdfHeader(content))
            return PdfReader.Read(content, warnings);
        if (StartsWith(content, [0x50, 0x4B, 0x03, 0x04]) || StartsWith(content, [0x50, 0x4B, 0x05, 0x06]))
            return DocxReader.Read(content, warnings);
        if (StartsWith(content, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            throw new ImportException(OleMessage(content));
        if (IsImage(content))
            throw new ImportException("Tệp là ảnh (bản quét), không có chữ để đọc; cần nhận dạng ký tự (OCR) trước khi nhập, hoặc tải lên tệp .docx, .pdf có chữ.");
        if (StartsWith(content, "{\\rtf"u8))
            throw new ImportException("Định dạng RTF chưa được hỗ trợ; hãy mở bằng Word và lưu thành .docx rồi tải lên lại.");
        string text;
        try
        {
            text = TextDecoder.Decode(content).Replace("\0", "");
        }
        catch (ImportException) when (HasExtension(fileName, ".docx") || HasExtension(fileName, ".pdf"))
        {
            // Named as a document but neither that format nor text: say what the user expected to upload.
            throw new ImportException(HasExtension(fileName, ".pdf")
                ? "Tệp PDF bị hỏng: không có phần đầu %PDF; hãy xuất lại tệp PDF rồi tải lên lại."
                : "Tệp DOCX bị hỏng hoặc không đầy đủ (không phải tệp nén Word hợp lệ); hãy lưu lại tệp rồi tải lên lại.");
        }
        if (HtmlReader.LooksLikeHtml(text))
            return HtmlReader.Read(text);
        return new SourceDocument(SourceFormat.Text, SplitLines(text), []);
    }

    /// <summary>NFC, NUL removed, split on any line break. Lines keep their own spacing.</summary>
    internal static List<string> SplitLines(string text)
    {
        var clean = text.Replace("\0", "");
        if (!clean.IsNormalized(NormalizationForm.FormC)) clean = clean.Normalize(NormalizationForm.FormC);
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < clean.Length; i++)
        {
            var ch = clean[i];
            if (ch is '\n' or '\r' or '\u2028' or '\u2029')
            {
                lines.Add(clean[start..i]);
                if (ch == '\r' && i + 1 < clean.Length && clean[i + 1] == '\n') i++;
                start = i + 1;
            }
        }
        if (start < clean.Length) lines.Add(clean[start..]);
        return lines;
    }

    /// <summary>An OLE compound file: an encrypted (password) DOCX, an old .doc, or another old Office file.</summary>
    private static string OleMessage(byte[] content)
    {
        if (ContainsUtf16(content, "EncryptedPackage") || ContainsUtf16(content, "EncryptionInfo"))
            return "Tệp DOCX được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.";
        if (ContainsUtf16(content, "WordDocument"))
            return "Định dạng .doc cũ chưa được hỗ trợ; hãy mở bằng Word và lưu thành .docx rồi tải lên lại.";
        return "Tệp Office định dạng cũ chưa được hỗ trợ; hãy lưu thành .docx, .pdf hoặc .html rồi tải lên lại.";
    }

    private static bool ContainsUtf16(byte[] content, string name) =>
        content.AsSpan().IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;

    // The PDF header may follow a little junk (the spec allows it within the first 1024 bytes).
    private static bool FindPdfHeader(byte[] content) =>
        content.AsSpan(0, Math.Min(1024, content.Length)).IndexOf("%PDF-"u8) >= 0;

    // PNG, JPEG, GIF, TIFF (both byte orders).
    private static bool IsImage(byte[] content) =>
        StartsWith(content, [0x89, 0x50, 0x4E, 0x47]) || StartsWith(content, [0xFF, 0xD8, 0xFF]) || StartsWith(content, "GIF8"u8)
        || StartsWith(content, [0x49, 0x49, 0x2A, 0x00]) || StartsWith(content, [0x4D, 0x4D, 0x00, 0x2A]);

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> prefix) => content.AsSpan().StartsWith(prefix);

    private static bool HasExtension(string? fileName, string extension) =>
        fileName is not null && fileName.EndsWith(extension, StringComparison.OrdinalIgnoreCase);

    internal static string CleanCell(string text)
    {
        // Cell text keeps its paragraph breaks (body lists are split on them) but each line is cleaned.
        var lines = SplitLines(text).Select(Text.Clean).Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }
}
