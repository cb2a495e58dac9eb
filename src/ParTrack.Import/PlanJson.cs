using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ParTrack.Import;

// The fixed interchange form of an imported plan: ../shared/contracts/plan-json-v1.md.
// Field names and casing are the contract's; do not rename.

public sealed record PlanJson
{
    public string Schema { get; init; } = "partrack.plan/v1";
    public PlanDocumentInfo Document { get; init; } = new();
    public List<PlanArea> Areas { get; init; } = [];
    public List<PlanTarget> Targets { get; init; } = [];
    public List<PlanTaskItem> Tasks { get; init; } = [];
    public List<PlanActivity> Activities { get; init; } = [];
}

public sealed record PlanDocumentInfo
{
    public string? Number { get; init; }
    public string? Type { get; init; }
    public string? Issuer { get; init; }
    public string? Place { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public string? Signer { get; init; }
    public string? Title { get; init; }
    public int? FromYear { get; init; }
    public int? ToYear { get; init; }
}

/// <summary>Reform area (lĩnh vực).</summary>
public sealed record PlanArea(string Code, string Title);

/// <summary>Target (chỉ tiêu / mục tiêu).</summary>
public sealed record PlanTarget
{
    public string? Code { get; init; }
    public string? Area { get; init; }
    public string Text { get; init; } = "";
    public List<Measure> Measures { get; init; } = [];
}

public sealed record Measure(string? Level, string Comparator, decimal Value, string? Unit);

/// <summary>Task (nhiệm vụ), column 2 of the framework table.</summary>
public sealed record PlanTaskItem
{
    public string? Code { get; init; }
    public string? Area { get; init; }
    public List<string> Targets { get; init; } = [];
    public string Text { get; init; } = "";
}

/// <summary>Activity (hoạt động), column 3 of the framework table.</summary>
public sealed record PlanActivity
{
    public string? Code { get; init; }
    public string? Task { get; init; }
    public string? Area { get; init; }
    public string Text { get; init; } = "";
    public string? Outputs { get; init; }
    public List<string> Lead { get; init; } = [];
    public List<string> Support { get; init; } = [];
    public Due Due { get; init; } = Due.Unknown(null);
    public string? Budget { get; init; }

    /// <summary>
    /// When and why the activity was cancelled (hủy) in the issued plan, so a reader of the exported plan does not take
    /// it for open work. An extension of the contract (readers ignore unknown fields), written only when present;
    /// a plan imported from it gets the activity like any other (a new draft has nothing to cancel).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Cancellation? Cancelled { get; init; }
}

/// <summary>An activity's cancellation: the moment (UTC) and the reason given.</summary>
public sealed record Cancellation(DateTime AtUtc, string? Reason);

/// <summary>A parsed deadline (thời gian hoàn thành).</summary>
public sealed record Due(string? Text, string Kind, DateOnly? Start, DateOnly? End)
{
    public static Due Unknown(string? text) => new(text, DueKinds.Unknown, null, null);

    /// <summary>
    /// When the cell names several periods ("Quý I, Quý III", "Tháng 6 và tháng 12"): each period, in order;
    /// Start/End then span the first start to the last end. Null for one period. An extension of the
    /// contract (readers ignore unknown fields), written only when present.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DuePeriod>? Parts { get; init; }

    public bool Equals(Due? other) =>
        other is not null && Text == other.Text && Kind == other.Kind && Start == other.Start && End == other.End
        && (Parts ?? []).SequenceEqual(other.Parts ?? []);

    public override int GetHashCode() => HashCode.Combine(Text, Kind, Start, End, Parts?.Count ?? 0);
}

/// <summary>One period of a deadline cell that names several: its words and its calendar window.</summary>
public sealed record DuePeriod(string Text, DateOnly Start, DateOnly End);

public static class DueKinds
{
    public const string By = "by", During = "during", Recurring = "recurring",
        Continuous = "continuous", Event = "event", Unknown = "unknown";
}

public static class Comparators
{
    public const string AtLeast = "atLeast", AtMost = "atMost", Exactly = "exactly",
        ReduceBy = "reduceBy", IncreaseBy = "increaseBy";
}

public static class Levels
{
    public const string Province = "province", District = "district", Commune = "commune";
}

public static class PlanJsonSerializer
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        // Vietnamese stays readable in the output instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize(PlanJson plan) => JsonSerializer.Serialize(plan, Options);

    public static PlanJson? Deserialize(string json) => JsonSerializer.Deserialize<PlanJson>(json, Options);
}
