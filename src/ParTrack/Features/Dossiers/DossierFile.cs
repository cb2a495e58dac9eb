using System.Text;
using ParTrack.Domain.Kpis;

namespace ParTrack.Features.Dossiers;

/// <summary>A data row of a dossier file: the dossier, or the line and the reason it was refused.</summary>
public sealed record DossierLine(int Line, DossierRow? Row, string? Reason);

/// <summary>
/// A dossier file (CSV or XLSX, told apart by content) as a stream of parsed rows: the header row first, read
/// through the source's column mapping, then each data row parsed or refused with its line. Shared by
/// `partrack dossiers kpis`, `partrack dossiers import`, the upload page and POST /api/dossiers.
/// </summary>
public static class DossierFile
{
    /// <summary>The raw rows (header included): XLSX when the stream starts like a zip, CSV otherwise.</summary>
    public static IEnumerable<FileRow> Rows(Stream stream)
    {
        if (!stream.CanSeek) throw new ArgumentException("The dossier file must be seekable (a file or a buffered upload).", nameof(stream));
        var start = new byte[4];
        var read = stream.Read(start, 0, 4);
        stream.Position = 0;
        if (read == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4)
            return XlsxRows.Read(stream);
        // UTF-8, BOM or not; invalid bytes become U+FFFD instead of failing (the row then reads as an unknown value).
        return CsvRows.Read(new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true));
    }

    /// <summary>
    /// The header read through <paramref name="mapping"/>, then every data row. A header that lacks a required
    /// column throws <see cref="DossierFileException"/> (nothing can be taken from such a file).
    /// </summary>
    public static IEnumerable<DossierLine> Read(Stream stream, IReadOnlyDictionary<string, string>? mapping = null)
    {
        using var rows = Rows(stream).GetEnumerator();
        if (!rows.MoveNext()) throw new DossierFileException("Tệp trống: không có dòng tiêu đề và không có hồ sơ nào.");
        var columns = DossierColumns.From(rows.Current.Cells, mapping, out var error)
            ?? throw new DossierFileException(error!);
        while (rows.MoveNext())
        {
            var row = DossierRowParser.Parse(rows.Current.Cells, columns, out var reason);
            yield return new DossierLine(rows.Current.Line, row, reason);
        }
    }

    /// <summary>The header row alone (the mapping step shows it); empty for an empty file.</summary>
    public static IReadOnlyList<string> Header(Stream stream)
    {
        using var rows = Rows(stream).GetEnumerator();
        return rows.MoveNext() ? rows.Current.Cells : [];
    }
}
