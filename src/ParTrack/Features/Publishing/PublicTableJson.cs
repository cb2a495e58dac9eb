using System.Globalization;
using System.Text.Json;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>
/// A PublicTable as stored in a publication and served as JSON: cells are normalised to the column's Table Schema
/// type on the way in (integer → long, number → decimal, date → "yyyy-MM-dd", boolean, string), so the snapshot, the
/// CSV and the JSON say the same thing and the data package's schema holds for every row.
/// </summary>
public static class PublicTableJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    sealed record Stored(string Title, IReadOnlyList<PublicColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

    public static string Write(PublicTable table) => JsonSerializer.Serialize(new Stored(table.Title, table.Columns,
        table.Rows.Select(r => (IReadOnlyList<object?>)table.Columns.Select((c, i) => Normalize(c, i < r.Count ? r[i] : null)).ToList()).ToList()), Options);

    public static PublicTable Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var columns = root.GetProperty("columns").EnumerateArray().Select(c => new PublicColumn(
            c.GetProperty("name").GetString()!, c.GetProperty("type").GetString()!,
            c.GetProperty("title").GetString() ?? "", c.GetProperty("description").GetString() ?? "")).ToList();
        var rows = root.GetProperty("rows").EnumerateArray().Select(r =>
            (IReadOnlyList<object?>)r.EnumerateArray().Select((cell, i) => Cell(columns[i], cell)).ToList()).ToList();
        return new PublicTable(root.GetProperty("title").GetString() ?? "", columns, rows);
    }

    static object? Cell(PublicColumn c, JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Number when c.Type == "integer" => e.GetInt64(),
        JsonValueKind.Number => e.GetDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => e.GetString(),
    };

    /// <summary>The cell as its column's type says; a value that does not fit becomes null rather than a wrong type.</summary>
    public static object? Normalize(PublicColumn c, object? value)
    {
        if (value is null) return null;
        try
        {
            return c.Type switch
            {
                "integer" => Convert.ToInt64(value, CultureInfo.InvariantCulture),
                "number" => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                "boolean" => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                "date" => value switch
                {
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => DateOnly.TryParse(value.ToString(), CultureInfo.InvariantCulture, out var d) ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                },
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>A cell as CSV writes it: invariant numbers (a dot), ISO dates, true/false.</summary>
    public static string Csv(object? cell) => cell switch
    {
        null => "",
        bool b => b ? "true" : "false",
        decimal d => d.ToString("0.############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>A cell as the page shows it, in the page's language (decimal comma in Vietnamese).</summary>
    public static string Display(object? cell) => cell switch
    {
        null => "–",
        bool b => b ? "✓" : "✗",
        decimal d => d.ToString("#,0.##", CultureInfo.CurrentCulture),
        long l => l.ToString("#,0", CultureInfo.CurrentCulture),
        _ => cell.ToString() ?? "",
    };
}
