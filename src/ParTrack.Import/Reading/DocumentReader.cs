using System.Text;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Reading;

/// <summary>
/// Detects the format from the bytes (not only the extension) and extracts lines and tables.
/// Read directly: text, HTML, DOCX, XLSX, PDF. Converted by LibreOffice first (<see cref="OfficeConverter"/>):
/// .doc, .rtf, .odt, Word 2003 XML (to DOCX) and .xls, .ods, Excel 2003 XML (to XLSX).
/// Limits: <see cref="MaxBytes"/> (50 MB) per file; zip packages have zip-bomb limits (<see cref="ZipPackage"/>);
/// PDF extraction and conversions are given 60 s. Text is NFC, without NUL, one entry per line.
/// </summary>
public static class DocumentReader
{
    /// <summary>Largest file accepted, 50 MB: a real plan with its appendix is a few MB at most.</summary>
    public const int MaxBytes = 50 * 1024 * 1024;

    /// <summary>Throws <see cref="ImportException"/> with a Vietnamese one-line reason when the document cannot be read.</summary>
    public static SourceDocument Read(byte[] content, string? fileName, List<ImportWarning> warnings) =>
        Read(content, fileName, warnings, OfficeConverter.Tool);

    /// <param name="officeTool">The soffice executable; tests pass a missing one to check the message.</param>
    internal static SourceDocument Read(byte[] content, string? fileName, List<ImportWarning> warnings, string officeTool)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
            throw new ImportException("Tệp rỗng: không có nội dung để nhập; hãy chọn đúng tệp kế hoạch.");
        if (content.Length > MaxBytes)
            throw new ImportException($"Tệp quá lớn ({content.Length / (1024 * 1024)} MB); chỉ nhận tệp đến {MaxBytes / (1024 * 1024)} MB, hãy bỏ bớt phần không phải kế hoạch.");

        if (StartsWith(content, "%PDF-"u8) || FindPdfHeader(content))
            return PdfReader.Read(content, warnings);
        if (StartsWith(content, [0x50, 0x4B, 0x03, 0x04]) || StartsWith(content, [0x50, 0x4B, 0x05, 0x06]))
            return ReadZip(content, fileName, warnings, officeTool);
        if (StartsWith(content, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            return ReadOle(content, fileName, warnings, officeTool);
        if (IsImage(content))
            throw new ImportException("Tệp là ảnh (bản quét), không có chữ để đọc; cần nhận dạng ký tự (OCR) trước khi nhập, hoặc tải lên tệp .docx, .pdf có chữ.");
        if (StartsWith(content, "{\\rtf"u8))
            return Converted(content, OfficeConverter.Source.Rtf, warnings, officeTool);
        string text;
        try
        {
            text = TextDecoder.Decode(content).Replace("\0", "");
        }
        catch (ImportException) when (HasExtension(fileName, ".docx") || HasExtension(fileName, ".pdf") || HasExtension(fileName, ".xlsx"))
        {
            // Named as a document but neither that format nor text: say what the user expected to upload.
            throw new ImportException(HasExtension(fileName, ".pdf")
                ? "Tệp PDF bị hỏng: không có phần đầu %PDF; hãy xuất lại tệp PDF rồi tải lên lại."
                : HasExtension(fileName, ".xlsx")
                    ? "Tệp Excel (.xlsx) bị hỏng hoặc không đầy đủ (không phải tệp nén Excel hợp lệ); hãy lưu lại tệp rồi tải lên lại."
                    : "Tệp DOCX bị hỏng hoặc không đầy đủ (không phải tệp nén Word hợp lệ); hãy lưu lại tệp rồi tải lên lại.");
        }
        // Excel 2003 XML and Word 2003 XML: still written by some government systems, often named .xls/.doc.
        // Checked before HTML, whose test would take "<Table>" for a web page.
        if (OfficeXml(text) is { } office)
            return Converted(content, office, warnings, officeTool);
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

    /// <summary>DOCX, XLSX, or ODT/ODS (converted), told apart by the package's entries.</summary>
    private static SourceDocument ReadZip(byte[] content, string? fileName, List<ImportWarning> warnings, string officeTool)
    {
        ZipKind kind;
        try
        {
            kind = ZipPackage.KindOf(content);
        }
        catch (InvalidDataException)
        {
            throw new ImportException(IsSpreadsheetName(fileName) ? XlsxReader.Corrupt : DocxReader.Corrupt);
        }
        return kind switch
        {
            ZipKind.Docx => DocxReader.Read(content, warnings),
            ZipKind.Xlsx => XlsxReader.Read(content, warnings),
            // The converter reads the zip too: check it for bombs first.
            ZipKind.Odt => Converted(CheckedZip(content), OfficeConverter.Source.Odt, warnings, officeTool),
            ZipKind.Ods => Converted(CheckedZip(content), OfficeConverter.Source.Ods, warnings, officeTool),
            _ => throw new ImportException("Tệp nén này không phải tài liệu Word (.docx) hay bảng tính Excel (.xlsx); hãy tải lên tệp .docx, .xlsx, .pdf hoặc .html của kế hoạch."),
        };
    }

    private static byte[] CheckedZip(byte[] content)
    {
        ZipPackage.Check(content,
            "Tệp OpenDocument bị hỏng hoặc không đầy đủ; hãy mở lại tệp, lưu thành .docx hoặc .xlsx rồi tải lên lại.",
            "Tệp OpenDocument có nội dung nén bất thường (giải nén quá lớn); tệp có thể bị hỏng hoặc độc hại, hãy lưu lại thành .docx hoặc .xlsx rồi tải lên lại.");
        return content;
    }

    /// <summary>An OLE compound file: an encrypted (password) DOCX/XLSX, an old .doc or .xls (converted),
    /// or another old Office file (refused).</summary>
    private static SourceDocument ReadOle(byte[] content, string? fileName, List<ImportWarning> warnings, string officeTool)
    {
        // A password-protected DOCX or XLSX is an OLE file too; its name is the only hint of which.
        if (ContainsUtf16(content, "EncryptedPackage") || ContainsUtf16(content, "EncryptionInfo"))
            throw new ImportException(IsSpreadsheetName(fileName)
                ? "Tệp Excel được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên lại."
                : HasExtension(fileName, ".docx") || HasExtension(fileName, ".doc")
                    ? "Tệp DOCX được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên lại."
                    : "Tệp Word/Excel được bảo vệ bằng mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.");
        if (ContainsUtf16(content, "WordDocument"))
            return Converted(content, OfficeConverter.Source.Doc, warnings, officeTool);
        if (ContainsUtf16(content, "Workbook") || ContainsUtf16(content, "Book"))
            return Converted(content, OfficeConverter.Source.Xls, warnings, officeTool);
        throw new ImportException("Tệp Office định dạng cũ này không phải .doc hay .xls nên chưa được hỗ trợ; hãy lưu thành .docx, .pdf hoặc .html rồi tải lên lại.");
    }

    /// <summary>Converts with LibreOffice, then reads the DOCX or XLSX it wrote.</summary>
    private static SourceDocument Converted(byte[] content, OfficeConverter.Source source, List<ImportWarning> warnings, string officeTool)
    {
        var converted = OfficeConverter.Convert(content, source, officeTool);
        return source.ToWord ? DocxReader.Read(converted, warnings) : XlsxReader.Read(converted, warnings);
    }

    private static OfficeConverter.Source? OfficeXml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        // An XML declaration first: Office's HTML exports also name Office namespaces, but start with <html.
        if (!head.StartsWith("<?xml", StringComparison.Ordinal)) return null;
        if (head.Contains("urn:schemas-microsoft-com:office:spreadsheet", StringComparison.Ordinal)) return OfficeConverter.Source.ExcelXml;
        if (head.Contains("schemas.microsoft.com/office/word/2003/wordml", StringComparison.Ordinal)) return OfficeConverter.Source.WordXml;
        return null;
    }

    private static bool IsSpreadsheetName(string? fileName) =>
        HasExtension(fileName, ".xlsx") || HasExtension(fileName, ".xls") || HasExtension(fileName, ".ods");

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
