using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;

namespace ParTrack.Features.ParIndex;

public static class ParLabels
{
    /// <summary>The group's name as written in sets and tables (also the Domain set's Group).</summary>
    public static string Of(ParUnitGroup g) =>
        g == ParUnitGroup.Department ? "Sở, ban, ngành cấp tỉnh"
        : g == ParUnitGroup.District ? "UBND cấp huyện"
        : g == ParUnitGroup.Commune ? "UBND cấp xã"
        : g.Key; // a configured group is named by its key

    public static string Of(RoundStage s) => s switch
    {
        RoundStage.Draft => "Chuẩn bị",
        RoundStage.SelfAssessment => "Đơn vị tự đánh giá",
        RoundStage.Appraisal => "Thẩm định",
        RoundStage.Clarification => "Giải trình",
        RoundStage.Review => "Hoàn thiện kết quả thẩm định",
        _ => "Đã công bố",
    };

    public static string Of(AssessmentStatus s) => s == AssessmentStatus.Submitted ? "Đã nộp" : "Chưa nộp";

    public static string Method(ScoringMethod m) => m switch
    {
        LevelsScoring => "Chọn mức",
        RatioScoring => "Theo tỷ lệ",
        SurveyScoring => "Điều tra xã hội học",
        _ => "Chấm trong khoảng",
    };

    /// <summary>Which built-in group an agency is ranked in, or null when none (configured groups may hold it).</summary>
    public static ParUnitGroup? GroupOf(AgencyKind kind) => kind switch
    {
        AgencyKind.Department => ParUnitGroup.Department,
        AgencyKind.DistrictCommittee => ParUnitGroup.District,
        AgencyKind.CommuneCommittee => ParUnitGroup.Commune,
        _ => null,
    };
}

/// <summary>Criteria sets per year and group: seed the default, copy last year's, edit, import.</summary>
public sealed class CriteriaSets(AppDbContext db, TimeProvider clock)
{
    public static CriteriaSet Parse(ParCriteriaSetRow row) => Parse(row.Id, row.Version, row.Json);

    // Parsed sets by id and concurrency version (renewed on every save), so pages that score a round
    // do not read and validate the same JSON on every request.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, Guid), CriteriaSet> Parsed = new();

    public static CriteriaSet Parse(int id, Guid version, string json)
    {
        if (Parsed.TryGetValue((id, version), out var cached)) return cached;
        var set = CriteriaSetJson.Deserialize(json).Set
            ?? throw new InvalidOperationException($"Stored criteria set {id} does not load.");
        if (id != 0 && version != Guid.Empty) Parsed[(id, version)] = set;
        return set;
    }

    /// <summary>The parsed sets of the given ids, reading JSON only for sets not parsed before.</summary>
    public static async Task<Dictionary<int, CriteriaSet>> LoadAsync(AppDbContext db, IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var versions = await db.Set<ParCriteriaSetRow>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Version }).ToListAsync(ct);
        var result = new Dictionary<int, CriteriaSet>();
        foreach (var v in versions)
        {
            if (Parsed.TryGetValue((v.Id, v.Version), out var cached)) { result[v.Id] = cached; continue; }
            var json = await db.Set<ParCriteriaSetRow>().AsNoTracking().Where(s => s.Id == v.Id).Select(s => s.Json).SingleAsync(ct);
            result[v.Id] = Parse(v.Id, v.Version, json);
        }
        return result;
    }

    public async Task<ParCriteriaSetRow?> FindAsync(int year, ParUnitGroup group, CancellationToken ct = default) =>
        await db.Set<ParCriteriaSetRow>().FirstOrDefaultAsync(s => s.Year == year && s.Group == group, ct);

    /// <summary>
    /// The set of a year and group, creating it if missing: a copy of the latest earlier year's set, or
    /// the shipped default (eight areas).
    /// </summary>
    public async Task<ParCriteriaSetRow> EnsureAsync(int year, ParUnitGroup group, CancellationToken ct = default)
    {
        if (await FindAsync(year, group, ct) is { } existing) return existing;
        var previous = await db.Set<ParCriteriaSetRow>().Where(s => s.Group == group && s.Year < year)
            .OrderByDescending(s => s.Year).FirstOrDefaultAsync(ct);
        var set = previous is not null
            ? Parse(previous).CopyForYear(year) with { Title = $"Bộ tiêu chí Chỉ số CCHC năm {year} – {ParLabels.Of(group)}" }
            : DefaultCriteriaSet.Build(year, ParLabels.Of(group));
        var row = ToRow(set, group);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Copies a set to another year (replacing nothing: refused if that year already has one).</summary>
    public async Task<Outcome<ParCriteriaSetRow>> CopyAsync(int fromId, int toYear, CancellationToken ct = default)
    {
        var from = await db.Set<ParCriteriaSetRow>().FindAsync([fromId], ct);
        if (from is null) return Outcome<ParCriteriaSetRow>.NotFound("Không tìm thấy bộ tiêu chí cần sao chép.");
        if (await FindAsync(toYear, from.Group, ct) is not null)
            return Outcome<ParCriteriaSetRow>.Invalid("Year", $"Năm {toYear} đã có bộ tiêu chí cho nhóm {ParLabels.Of(from.Group)}. Hãy sửa bộ đó thay vì sao chép.");
        var copy = Parse(from).CopyForYear(toYear) with { Title = $"Bộ tiêu chí Chỉ số CCHC năm {toYear} – {ParLabels.Of(from.Group)}" };
        var row = ToRow(copy, from.Group);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<ParCriteriaSetRow>.Ok(row);
    }

    /// <summary>Replaces a set's tree (edit or import) after validation; refused once a round has used it past preparation.</summary>
    public async Task<IReadOnlyList<string>> ReplaceAsync(ParCriteriaSetRow row, CriteriaSet set, CancellationToken ct = default)
    {
        var errors = CriteriaSetValidation.Validate(set with { Year = row.Year }).Select(e => e.Message).ToList();
        if (errors.Count > 0) return errors;
        if (await InUseAsync(row.Id, ct))
            return ["Bộ tiêu chí đang được dùng trong một đợt đánh giá đã mở; không thể sửa điểm. Hãy sao chép sang năm khác để chỉnh sửa."];
        row.Revision++;
        var stored = set with { Year = row.Year, Group = ParLabels.Of(row.Group), Version = row.Revision };
        row.Title = stored.Title;
        row.Json = CriteriaSetJson.Serialize(stored);
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return [];
    }

    public Task<bool> InUseAsync(int setId, CancellationToken ct = default) =>
        db.Set<ParAssessment>().AnyAsync(a => a.SetId == setId && a.Round!.Stage != RoundStage.Draft, ct);

    ParCriteriaSetRow ToRow(CriteriaSet set, ParUnitGroup group) => new()
    {
        Year = set.Year, Group = group, Title = set.Title, Revision = set.Version,
        Json = CriteriaSetJson.Serialize(set with { Group = ParLabels.Of(group) }),
        UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
    };
}
