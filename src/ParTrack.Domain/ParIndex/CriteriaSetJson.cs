using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParTrack.Domain.ParIndex;

/// <summary>Import and export of a criteria set as JSON (camelCase; scoring methods tagged by "type").</summary>
public static class CriteriaSetJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // Lets files written by hand with a leading "//" note or a trailing comma load.
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A missing or null list then fails to load with a message instead of a null deep in the tree.
        RespectNullableAnnotations = true,
        // Hand-edited files may put "type" after the other fields of a scoring method.
        AllowOutOfOrderMetadataProperties = true,
        RespectRequiredConstructorParameters = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(CriteriaSet set) => JsonSerializer.Serialize(set, Options);

    /// <summary>Reads and validates a set; on failure the set is null and the errors say why, in Vietnamese.</summary>
    public static (CriteriaSet? Set, IReadOnlyList<ValidationError> Errors) Deserialize(string json)
    {
        CriteriaSet? set;
        try
        {
            set = JsonSerializer.Deserialize<CriteriaSet>(json, Options);
        }
        catch (JsonException ex)
        {
            string where = ex.Path is { Length: > 0 } ? $" (tại {ex.Path})" : "";
            return (null, [new("json", $"Tệp JSON của bộ tiêu chí không đọc được{where}. Hãy kiểm tra lại tệp đã xuất từ ParTrack.")]);
        }
        if (set is null || set.Areas is null)
            return (null, [new("json", "Tệp JSON không chứa bộ tiêu chí. Hãy chọn đúng tệp đã xuất từ ParTrack.")]);
        var errors = CriteriaSetValidation.Validate(set);
        return errors.Count > 0 ? (null, errors) : (set, errors);
    }
}
