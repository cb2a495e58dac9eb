using System.Globalization;
using CsvHelper.Configuration;

namespace ParTrack.Features;

/// <summary>
/// CSV files people open in Excel or LibreOffice: a cell starting with = + - @ (or tab, CR) would run as a
/// formula there (=HYPERLINK to leak data, DDE to start programs), so every CSV export writes with
/// <see cref="Writing"/>, which puts an apostrophe in front; <see cref="Unescape"/> takes it off again when the
/// same file is imported, so an export imports back unchanged.
/// </summary>
public static class CsvCells
{
    static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static CsvConfiguration Writing() => new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = FormulaStarts,
        InjectionEscapeCharacter = '\'',
    };

    /// <summary>The cell as written before <see cref="Writing"/> escaped it.</summary>
    public static string? Unescape(string? cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && FormulaStarts.Contains(cell[1]) ? cell[1..] : cell;
}
