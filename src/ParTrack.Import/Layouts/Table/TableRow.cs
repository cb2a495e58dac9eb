namespace ParTrack.Import.Layouts.Table;

/// <summary>
/// One framework-table row in the shared model every layout produces. A cell is null when the row
/// does not have it (merged with the row above: rowspan); "" when the row has it empty.
/// </summary>
internal sealed class TableRow(string location)
{
    private readonly Dictionary<Col, string?> cells = [];

    public string Location { get; } = location;

    /// <summary>Set for section rows ("I | CẢI CÁCH THỂ CHẾ", "A | Áp dụng ISO"): code and title.</summary>
    public (string Code, string Title)? Section { get; init; }

    public string? this[Col c]
    {
        get => cells.GetValueOrDefault(c);
        set => cells[c] = value;
    }

    public bool HasText(Col c) => !string.IsNullOrWhiteSpace(this[c]);

    public static TableRow SectionRow(string location, string code, string title) =>
        new(location) { Section = (code, title) };
}
