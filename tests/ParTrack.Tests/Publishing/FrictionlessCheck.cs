using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;

namespace ParTrack.Tests.Publishing;

/// <summary>
/// The checks of the Frictionless "tabular-data-package" profile (specs.frictionlessdata.io: Data Package, Tabular Data
/// Resource, Table Schema) that a consumer relies on, and every CSV row against its resource's schema. Returns the problems.
/// </summary>
public static partial class FrictionlessCheck
{
    static readonly string[] Types = ["string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime", "year", "yearmonth", "duration", "geopoint", "geojson", "any"];

    [GeneratedRegex("^[-a-z0-9._/]+$")] private static partial Regex NamePattern();

    public static async Task<List<string>> ErrorsAsync(JsonElement package, Func<string, Task<string>> fetchCsv)
    {
        var errors = new List<string>();
        if (Text(package, "profile") != "tabular-data-package") errors.Add("profile must be tabular-data-package");
        if (Text(package, "name") is not { } name || !NamePattern().IsMatch(name)) errors.Add("package name missing or not lower-case");
        if (!package.TryGetProperty("licenses", out var licences) || licences.ValueKind != JsonValueKind.Array || licences.GetArrayLength() == 0
            || licences.EnumerateArray().Any(l => Text(l, "name") is null && Text(l, "path") is null))
            errors.Add("licenses: an array of objects with name or path");
        if (!package.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array || resources.GetArrayLength() == 0)
        {
            errors.Add("resources: a non-empty array is required");
            return errors;
        }
        var names = new HashSet<string>();
        foreach (var r in resources.EnumerateArray())
        {
            var rn = Text(r, "name") ?? "";
            if (!NamePattern().IsMatch(rn)) errors.Add($"resource name '{rn}' does not match the pattern");
            if (!names.Add(rn)) errors.Add($"resource name '{rn}' is not unique");
            if (Text(r, "profile") != "tabular-data-resource") errors.Add($"{rn}: profile must be tabular-data-resource");
            if (Text(r, "path") is not { } path) { errors.Add($"{rn}: path is required"); continue; }
            if (!r.TryGetProperty("schema", out var schema) || !schema.TryGetProperty("fields", out var fieldsJson) || fieldsJson.ValueKind != JsonValueKind.Array)
            {
                errors.Add($"{rn}: schema.fields is required");
                continue;
            }
            var fields = fieldsJson.EnumerateArray().Select(f => (Name: Text(f, "name"), Type: Text(f, "type") ?? "string", Description: Text(f, "description"))).ToList();
            foreach (var f in fields)
            {
                if (string.IsNullOrEmpty(f.Name)) errors.Add($"{rn}: a field without name");
                if (!Types.Contains(f.Type)) errors.Add($"{rn}.{f.Name}: unknown type {f.Type}");
                if (string.IsNullOrWhiteSpace(f.Description)) errors.Add($"{rn}.{f.Name}: no description");
            }
            errors.AddRange(await CsvErrorsAsync(rn, await fetchCsv(path), fields.Select(f => (f.Name ?? "", f.Type)).ToList()));
        }
        return errors;
    }

    static async Task<List<string>> CsvErrorsAsync(string resource, string csvText, IReadOnlyList<(string Name, string Type)> fields)
    {
        var errors = new List<string>();
        using var csv = new CsvParser(new StringReader(csvText.TrimStart('\uFEFF')), CultureInfo.InvariantCulture);
        if (!await csv.ReadAsync()) return [$"{resource}: empty CSV"];
        var header = csv.Record!;
        if (!header.SequenceEqual(fields.Select(f => f.Name))) errors.Add($"{resource}: header {string.Join(",", header)} is not the schema's fields");
        var line = 1;
        while (await csv.ReadAsync())
        {
            line++;
            var cells = csv.Record!;
            if (cells.Length != fields.Count) { errors.Add($"{resource} line {line}: {cells.Length} cells for {fields.Count} fields"); continue; }
            for (var i = 0; i < cells.Length; i++)
                if (cells[i] != "" && !Fits(cells[i], fields[i].Type))
                    errors.Add($"{resource} line {line}: '{cells[i]}' is not a {fields[i].Type} ({fields[i].Name})");
        }
        return errors;
    }

    static bool Fits(string cell, string type) => type switch
    {
        "integer" => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
        "boolean" => cell is "true" or "false",
        "date" => DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    static string? Text(JsonElement e, string property) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
