using System.Text;

namespace ParTrack.Features.Dossiers;

/// <summary>A row of a dossier file with the line it starts on (what a refusal names).</summary>
public sealed record FileRow(int Line, IReadOnlyList<string> Cells);

/// <summary>
/// RFC 4180 CSV read one record at a time (constant memory: a million-row export is never held), UTF-8 with or
/// without BOM, quoted cells with commas, quotes and line breaks. The line number is the physical line the
/// record starts on, as a spreadsheet or editor shows it.
/// </summary>
public static class CsvRows
{
    /// <summary>A cell longer than this is not a dossier field: the file is not the CSV it claims to be.</summary>
    public const int MaxCellChars = 10_000;

    public static IEnumerable<FileRow> Read(TextReader reader)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        var any = false;   // the record has content (an empty line is no record)
        while (true)
        {
            var c = reader.Read();
            if (c == -1) break;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); cell.Append('"'); }
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    Append(cell, (char)c, start);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true; any = true; break;
                case ',':
                    cells.Add(cell.ToString()); cell.Clear(); any = true; break;
                case '\r':
                    break;   // CRLF and LF end a record alike
                case '\n':
                    if (any || cell.Length > 0)
                    {
                        cells.Add(cell.ToString());
                        yield return new FileRow(start, cells.ToArray());
                    }
                    cells.Clear(); cell.Clear(); any = false;
                    line++; start = line;
                    break;
                default:
                    Append(cell, (char)c, start); any = true; break;
            }
        }
        if (any || cell.Length > 0)
        {
            cells.Add(cell.ToString());
            yield return new FileRow(start, cells.ToArray());
        }
    }

    private static void Append(StringBuilder cell, char c, int line)
    {
        if (cell.Length >= MaxCellChars)
            throw new DossierFileException($"Dòng {line}: một ô dài quá {MaxCellChars} ký tự (có thể thiếu dấu ngoặc kép đóng); tệp không phải CSV hợp lệ.");
        cell.Append(c);
    }
}

/// <summary>A file that cannot be read at all (not a CSV/XLSX, a broken workbook): the message says what to do.</summary>
public sealed class DossierFileException(string message) : Exception(message);
