using System.IO.Compression;
using System.Text;

namespace ParTrack.Import.Reading;

/// <summary>What a zip file holds, from its entry names (and the ODF "mimetype" entry).</summary>
internal enum ZipKind { Docx, Xlsx, Odt, Ods, Other }

/// <summary>
/// Zip-based documents (DOCX, XLSX, ODT, ODS): tells them apart by content and refuses zip bombs before
/// any parser touches the package. Limits: <see cref="MaxUncompressedBytes"/> in all, and
/// <see cref="MaxRatio"/> for any entry that inflates past 1 MB.
/// </summary>
internal static class ZipPackage
{
    /// <summary>Total inflated size allowed: 200 MB, far above any real plan.</summary>
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>Largest compression ratio accepted for an entry over 1 MB; XML rarely compresses beyond 20:1.</summary>
    public const int MaxRatio = 100;

    /// <summary>The kind of package; throws <see cref="InvalidDataException"/> when the zip cannot be read.</summary>
    public static ZipKind KindOf(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null) return ZipKind.Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return ZipKind.Xlsx;
            if (zip.GetEntry("mimetype") is { Length: < 200 } mime)
            {
                using var reader = new StreamReader(mime.Open(), Encoding.ASCII);
                var type = reader.ReadToEnd().Trim();
                // ".text", and Writer's "-web" (HTML edited in Writer) and "-master" documents.
                if (type.StartsWith("application/vnd.oasis.opendocument.text", StringComparison.Ordinal)) return ZipKind.Odt;
                if (type == "application/vnd.oasis.opendocument.spreadsheet") return ZipKind.Ods;
            }
            // A package whose main part is not at the usual place (renamed by some generators).
            if (zip.Entries.Any(e => e.FullName.EndsWith("/document.xml", StringComparison.OrdinalIgnoreCase))) return ZipKind.Docx;
            if (zip.Entries.Any(e => e.FullName.EndsWith("/workbook.xml", StringComparison.OrdinalIgnoreCase))) return ZipKind.Xlsx;
            return ZipKind.Other;
        }
        catch (IOException e) when (e is not FileNotFoundException)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    /// <summary>Refuses corrupt zips and zip bombs, inflating each entry against a byte budget
    /// (declared sizes can lie). Messages name the format the caller expects.</summary>
    public static void Check(byte[] content, string corrupt, string bomb)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > MaxUncompressedBytes) throw new ImportException(bomb);
                if (entry.Length > 1024 * 1024 && entry.Length > (long)MaxRatio * Math.Max(1, entry.CompressedLength))
                    throw new ImportException(bomb);
            }

            var buffer = new byte[81920];
            long inflated = 0;
            foreach (var entry in zip.Entries)
            {
                using var s = entry.Open();
                long entryBytes = 0;
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += n;
                    entryBytes += n;
                    if (inflated > MaxUncompressedBytes) throw new ImportException(bomb);
                    if (entryBytes > 1024 * 1024 && entryBytes > (long)MaxRatio * Math.Max(1, entry.CompressedLength))
                        throw new ImportException(bomb);
                }
            }
        }
        catch (InvalidDataException)
        {
            throw new ImportException(corrupt);
        }
        catch (IOException)
        {
            throw new ImportException(corrupt);
        }
    }
}
