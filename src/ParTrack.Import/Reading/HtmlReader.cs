using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Reading;

/// <summary>
/// HTML (a saved web page of the plan). Lines: one per paragraph, line break or block element; a table
/// row becomes one line in the pipe form "cell | cell |" (only the cells present in the markup, as a
/// copied web page shows them), so text layouts still work. Tables: each outermost &lt;table&gt; with
/// rowspan/colspan expanded by <see cref="TableGrid"/>; a table nested in a cell is flattened to text.
/// </summary>
internal static class HtmlReader
{
    private static readonly HashSet<string> Skipped = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "SVG", "IFRAME", "OBJECT"];

    private static readonly HashSet<string> Blocks =
    [
        "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "UL", "OL", "DL", "DT", "DD", "BLOCKQUOTE", "PRE",
        "SECTION", "ARTICLE", "HEADER", "FOOTER", "MAIN", "NAV", "ASIDE", "FIGURE", "FIGCAPTION", "ADDRESS",
        "HR", "CENTER", "FORM", "FIELDSET", "CAPTION", "BODY", "HTML",
    ];

    public static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart();
        if (head.Length == 0 || head[0] != '<') return false;
        foreach (var tag in (string[])["<html", "<body", "<table", "<!doctype html", "<head", "<p>", "<div"])
            if (head.Contains(tag, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static SourceDocument Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var lines = new List<string>();
        var tables = new List<SourceTable>();
        var line = new StringBuilder();
        Walk(document.Body ?? (INode)document.DocumentElement, lines, tables, line);
        Flush(lines, line);
        return new SourceDocument(SourceFormat.Html, lines, tables);
    }

    /// <summary>Text of a node as lines. With <paramref name="tables"/>, each top-level table is read as a
    /// real table; without (inside a cell), a nested table is flattened row by row.</summary>
    private static void Walk(INode node, List<string> lines, List<SourceTable>? tables, StringBuilder line)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    line.Append(text.Data);
                    break;
                case IHtmlTableElement table when tables is not null:
                    Flush(lines, line);
                    ReadTable(table, lines, tables);
                    break;
                case IElement element when Skipped.Contains(element.TagName):
                    break;
                case IElement { TagName: "BR" }:
                    Flush(lines, line);
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.TagName) || (tables is null && element.TagName is "TR" or "TABLE");
                    if (block) Flush(lines, line);
                    Walk(element, lines, tables, line);
                    if (tables is null && element.TagName is "TD" or "TH") line.Append(' ');
                    if (block) Flush(lines, line);
                    break;
            }
        }
    }

    private static void Flush(List<string> lines, StringBuilder line)
    {
        var text = Text.Clean(line.ToString());
        line.Clear();
        if (text.Length > 0) lines.Add(text);
    }

    private static void ReadTable(IHtmlTableElement table, List<string> lines, List<SourceTable> tables)
    {
        var grid = new TableGrid();
        foreach (var row in table.Rows)
        {
            grid.AddRow();
            var pipe = new StringBuilder();
            foreach (var cell in row.Cells)
            {
                var text = CellText(cell);
                // rowspan="0" means "to the end of the section"; the grid clamps it.
                var rowSpan = cell.RowSpan == 0 ? 1000 : cell.RowSpan;
                grid.Place(text, rowSpan, Math.Max(1, cell.ColumnSpan));
                pipe.Append(text.Replace('\n', ' ')).Append(" | ");
            }
            var rowLine = Text.Clean(pipe.ToString());
            if (rowLine.Trim('|', ' ').Length > 0) lines.Add(rowLine);
        }
        if (table.Rows.Length > 0) tables.Add(grid.ToTable(tables.Count + 1));
    }

    /// <summary>A cell's text, its paragraphs and line breaks kept as "\n"; nested tables flattened row by row.</summary>
    private static string CellText(IElement cell)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        Walk(cell, lines, null, line);
        Flush(lines, line);
        return string.Join("\n", lines);
    }
}
