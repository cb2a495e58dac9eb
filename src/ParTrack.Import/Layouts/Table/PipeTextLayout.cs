using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

/// <summary>
/// Web-page table text where every cell ends with " |" (seed 000, DOMAIN §6.1). A lone "|" opens a
/// row or is an empty cell; a run "||…" closes a row and its length is the number of left-hand
/// cells the row lacks because of rowspans, so the cells it has are right-aligned. Section rows
/// ("I | TITLE | |||||||") are padded on the left instead. A row that lacks exactly one cell ends
/// with a single "|", which looks like an empty last cell: the content of the cells decides.
/// </summary>
internal static partial class PipeTextLayout
{
    private sealed record Token(string? Text, int Run, int Line);  // Text null: a run of Run pipes

    /// <summary>Rows of the first pipe table whose header names the framework columns, or null.</summary>
    public static (ColumnMap Map, List<TableRow> Rows)? Read(IReadOnlyList<string> lines, List<ImportWarning> warnings)
    {
        var start = FindHeaderStart(lines);
        if (start < 0) return null;

        var tokens = Tokenize(lines, start);
        var rows = GroupRows(tokens, 0, 0);
        if (rows.Count == 0) return null;
        var header = rows[0];
        var headerCells = header.Cells.Select(c => c.Text ?? "").ToList();

        // A second header row ("Chủ trì | Phối hợp | Bắt đầu | Hoàn thành |") widens the table: each
        // sub-cell takes a column under its parent, and the data rows are regrouped at the new width.
        var expanded = rows.Count > 1 ? ExpandHeader(headerCells, rows[1]) : null;
        if (expanded is not null)
        {
            rows = [header, .. GroupRows(tokens, rows[1].End, expanded[0].Count)];
        }
        var map = expanded is null ? ColumnMap.FromHeader(headerCells) : ColumnMap.FromHeaderRows(expanded);
        map.WarnMissing($"dòng {header.Line}", warnings);

        var result = new List<TableRow>();
        foreach (var raw in rows.Skip(1))
        {
            // "(1) | (2) | (3) |…" under the header only numbers the columns.
            if (RealTableLayout.IsColumnNumbering(raw.Cells.Select(c => Text.Clean(c.Text)).ToList())) continue;
            var row = Align(raw, map, warnings);
            if (row is not null) result.Add(row);
        }
        return (map, result);
    }

    private sealed record RawRow(List<Token> Cells, int Omitted, bool EndedByRun, int Line, int End);

    /// <summary>
    /// Pipe text shows neither colspans nor rowspans, so sub-cells are placed by meaning: "Chủ trì" and
    /// "Phối hợp" under the body column ("Cơ quan thực hiện"), "Bắt đầu"/"Hoàn thành" under the due
    /// column, other names under "Kinh phí". Returns the two header rows per physical column (the parent
    /// repeated over its sub-columns), or null when the row is not a sub-header or a sub-cell has no parent.
    /// </summary>
    private static List<IReadOnlyList<string>>? ExpandHeader(List<string> header, RawRow sub)
    {
        var names = sub.Cells.Select(c => Text.Clean(c.Text)).ToList();
        if (names.Count < 2 || !names.All(ColumnMap.IsHeaderWord)) return null;

        int ParentOf(string name)
        {
            var own = ColumnMap.Classify(name);
            var wanted = own is Col.Lead or Col.Support ? Col.Lead
                : ColumnMap.IsDuePart(name) ? Col.Due
                : Col.Budget;
            return header.FindIndex(h => ColumnMap.Classify(h) == wanted);
        }

        var children = new Dictionary<int, List<string>>();
        foreach (var name in names)
        {
            var parent = ParentOf(name);
            if (parent < 0) return null;
            if (!children.TryGetValue(parent, out var list)) children[parent] = list = [];
            list.Add(name);
        }
        List<string> top = [], bottom = [];
        for (var i = 0; i < header.Count; i++)
        {
            var below = children.GetValueOrDefault(i) ?? [header[i]];
            foreach (var name in below)
            {
                top.Add(header[i]);
                bottom.Add(name);
            }
        }
        return [top, bottom];
    }

    private static int FindHeaderStart(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (!IsPipeLine(lines[i])) continue;
            // A header: several consecutive pipe lines naming framework columns.
            var cells = new List<string>();
            for (var j = i; j < lines.Count && j < i + 14 && IsPipeLine(lines[j]); j++) cells.Add(CellText(lines[j]));
            if (ColumnMap.HeaderScore(cells) >= 4)
            {
                // Back up to the "|" that opens the header row.
                var s = i;
                while (s > 0 && Text.Clean(lines[s - 1]) == "|") s--;
                return Text.Clean(lines[s]) == "|" ? s : i;
            }
            // Skip over this run of pipe lines.
            while (i + 1 < lines.Count && IsPipeLine(lines[i + 1])) i++;
        }
        return -1;
    }

    private static bool IsPipeLine(string line) => Text.Clean(line).EndsWith('|');

    private static string CellText(string line)
    {
        var t = Text.Clean(line);
        return t.TrimEnd('|').Trim();
    }

    private static List<Token> Tokenize(IReadOnlyList<string> lines, int start)
    {
        var tokens = new List<Token>();
        var pending = "";  // text lines without a trailing pipe belong to the next cell
        for (var i = start; i < lines.Count; i++)
        {
            var t = Text.Clean(lines[i]);
            if (t.Length == 0) continue;
            if (!t.EndsWith('|'))
            {
                // The table ends at the first text line that is not followed by more cells.
                if (i + 1 >= lines.Count || !IsPipeLine(lines[i + 1])) break;
                pending = (pending + " " + t).Trim();
                continue;
            }
            var m = TrailingPipes().Match(t);
            var body = t[..m.Index].Trim();
            var pipes = m.Value.Count(c => c == '|');
            body = (pending + " " + body).Trim();
            pending = "";
            if (body.Length == 0)
            {
                tokens.Add(pipes == 1 ? new Token("", 0, i + 1) : new Token(null, pipes, i + 1));
            }
            else
            {
                tokens.Add(new Token(body, 0, i + 1));
                // "text ||": a cell followed by a run closing the row.
                if (pipes > 1) tokens.Add(new Token(null, pipes - 1, i + 1));
            }
        }
        return tokens;
    }

    /// <summary>Splits tokens from <paramref name="from"/> into rows; every row opens with a lone "|".
    /// With <paramref name="width"/> 0 the first row (the header) sets the width.</summary>
    private static List<RawRow> GroupRows(List<Token> tokens, int from, int width)
    {
        var rows = new List<RawRow>();
        var i = from;
        while (i < tokens.Count)
        {
            var open = tokens[i];
            if (open.Text != "") { i++; continue; }  // stray token: skip to the next row opening
            i++;
            var cells = new List<Token>();
            var omitted = 0;
            var byRun = false;
            while (i < tokens.Count)
            {
                var t = tokens[i];
                if (t.Text is null) { omitted = t.Run; byRun = true; i++; break; }
                // Header cells are never empty: a lone "|" after them opens the first data row.
                if (width == 0 && t.Text == "" && cells.Count > 0) break;
                // Nor are a sub-header row's ("Chủ trì | Phối hợp |"), which is shorter than the header.
                if (from == 0 && rows.Count == 1 && t.Text == "" && cells.Count >= 2 && cells.All(x => ColumnMap.IsHeaderWord(x.Text ?? ""))) break;
                // A full row is over: the next lone "|" opens the next row.
                if (width > 0 && cells.Count >= width) break;
                cells.Add(t);
                i++;
            }
            if (width == 0) width = cells.Count;  // the header row sets the width
            rows.Add(new RawRow(cells, omitted, byRun, open.Line, i));
        }
        return rows;
    }

    private static TableRow? Align(RawRow raw, ColumnMap map, List<ImportWarning> warnings)
    {
        var n = map.Count;
        var texts = raw.Cells.Select(c => c.Text ?? "").ToList();
        var location = $"dòng {raw.Line}";
        if (texts.All(t => t.Length == 0)) return null;

        // Section row: a short code and a title, padded on the left.
        if (texts.Count <= 2 && raw.EndedByRun && raw.Omitted >= n - 3 && Codes.LooksLikeTt(texts[0]) && texts[0].Length > 0)
            return TableRow.SectionRow(location, texts[0], texts.Count > 1 ? texts[1] : "");

        int offset;
        if (raw.EndedByRun)
        {
            offset = n - texts.Count;
            if (raw.Omitted != offset)
                warnings.Add(new ImportWarning(WarningKinds.UnplacedCell, location,
                    $"Hàng có {texts.Count} ô và {raw.Omitted} ô gộp, không khớp {n} cột; đã căn các ô về bên phải."));
        }
        else if (texts.Count == n && texts[^1].Length == 0 && Score(texts[..^1], 1, map) > Score(texts, 0, map))
        {
            // The single trailing "|" was padding for one merged left-hand cell, not an empty last cell.
            texts.RemoveAt(texts.Count - 1);
            offset = 1;
        }
        else offset = Math.Max(0, n - texts.Count);

        var row = new TableRow(location);
        for (var i = 0; i < texts.Count && offset + i < n; i++)
            if (map.Physical[offset + i] is { } col) row[col] = texts[i];
        return row;
    }

    /// <summary>How well cells placed from <paramref name="offset"/> fit their columns' usual content.</summary>
    internal static int Score(IReadOnlyList<string> texts, int offset, ColumnMap map)
    {
        var score = 0;
        for (var i = 0; i < texts.Count && offset + i < map.Count; i++)
            if (map.Physical[offset + i] is { } col) score += Fit(col, texts[i]);
        return score;
    }

    private static int Fit(Col col, string t)
    {
        if (t.Length == 0) return 0;
        return col switch
        {
            Col.Tt => Codes.LooksLikeTt(t) ? 2 : -2,
            Col.Target => Codes.StartsWithCode(t, 1) ? 2 : Codes.StartsWithCode(t, 2) || Codes.StartsWithCode(t, 3) ? -2 : 0,
            Col.Task => Codes.StartsWithCode(t, 2) ? 2 : Codes.StartsWithCode(t, 1) || Codes.StartsWithCode(t, 3) ? -2 : 0,
            Col.Activity => Codes.StartsWithCode(t, 3) ? 2 : Codes.StartsWithCode(t, 1) || Codes.StartsWithCode(t, 2) ? -2 : 0,
            Col.Lead or Col.Support => Codes.LooksLikeBody(t) ? 1 : Codes.LooksLikeDue(t) ? -1 : 0,
            Col.Due => Codes.LooksLikeDue(t) ? 2 : Codes.LooksLikeBudget(t) ? -2 : 0,
            Col.Budget => Codes.LooksLikeDue(t) ? -2 : Codes.LooksLikeBudget(t) ? 1 : 0,
            _ => 0,
        };
    }

    [GeneratedRegex(@"\s*\|[\s|]*$")]
    private static partial Regex TrailingPipes();
}
