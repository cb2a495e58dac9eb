using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;
using ParTrack.Domain.Reporting;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>
/// One saved version of a period's province report: only the paragraphs the coordinator edited, by paragraph key
/// (<see cref="TextsJson"/>), each with the draft text it was edited against (<see cref="BasesJson"/>), so a
/// re-draft can tell which hand-edited paragraphs now have different figures. Paragraphs not edited follow the data.
/// Versions are numbered 1, 2, … per period; the unique (PeriodId, Number) index makes two simultaneous saves
/// from the same version collide instead of one silently replacing the other.
/// </summary>
public sealed class ReportDraftVersion
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int Number { get; set; }
    public string TextsJson { get; set; } = "{}";
    public string BasesJson { get; set; } = "{}";
    public string SavedBy { get; set; } = "";
    public DateTime SavedAtUtc { get; set; }
    public bool IsFinal { get; set; }

    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public IReadOnlyDictionary<string, string> Texts => Read(TextsJson);
    public IReadOnlyDictionary<string, string> Bases => Read(BasesJson);

    public static string Write(IReadOnlyDictionary<string, string> map) => JsonSerializer.Serialize(map, Json);

    static Dictionary<string, string> Read(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];
}

sealed class ReportDraftVersionConfig : IEntityTypeConfiguration<ReportDraftVersion>
{
    public void Configure(EntityTypeBuilder<ReportDraftVersion> e)
    {
        e.Property(x => x.SavedBy).HasMaxLength(Limits.ShortText);
        e.HasOne<ReportPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PeriodId, x.Number }).IsUnique();
    }
}
