using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex;

/// <summary>
/// The unit groups of the PAR Index: the three built in and those a coordinator configures by name and
/// member agency kinds. Each agency kind belongs to at most one group, so a unit is ranked in one group.
/// </summary>
public sealed class ParGroups(AppDbContext db)
{
    public const int NameLength = 100;

    /// <summary>Kinds the built-in groups already hold.</summary>
    public static readonly IReadOnlyList<AgencyKind> BuiltInKinds = [AgencyKind.Department, AgencyKind.DistrictCommittee, AgencyKind.CommuneCommittee];

    public Task<List<ParGroupRow>> ConfiguredAsync(CancellationToken ct = default) =>
        db.Set<ParGroupRow>().AsNoTracking().OrderBy(g => g.Name).ToListAsync(ct);

    /// <summary>Built-in groups then configured ones: what rounds, copies and imports can choose.</summary>
    public async Task<IReadOnlyList<ParUnitGroup>> AllAsync(CancellationToken ct = default) =>
        [.. ParUnitGroup.BuiltIn, .. (await ConfiguredAsync(ct)).Select(g => new ParUnitGroup(g.Name))];

    /// <summary>The agency kinds a group holds.</summary>
    public async Task<IReadOnlyList<AgencyKind>> KindsOfAsync(ParUnitGroup group, CancellationToken ct = default)
    {
        if (group.IsBuiltIn) return BuiltInKinds.Where(k => ParLabels.GroupOf(k) == group).ToList();
        var row = await db.Set<ParGroupRow>().AsNoTracking().FirstOrDefaultAsync(g => g.Name == group.Key, ct);
        return row?.Kinds() ?? [];
    }

    /// <summary>Checks and adds a configured group; does not save. Each kind already taken is its own error ("Kinds.X").</summary>
    public async Task<Outcome<ParGroupRow>> CreateAsync(string? name, IReadOnlyCollection<AgencyKind> kinds, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        var n = (name ?? "").Trim();
        if (n.Length == 0) errors.Add(("Name", "Hãy nhập tên nhóm đơn vị, ví dụ \"Cơ quan Trung ương\"."));
        else if (n.Length > NameLength) errors.Add(("Name", $"Tên nhóm dài quá {NameLength} ký tự. Hãy rút gọn."));
        else if (ParUnitGroup.BuiltIn.Any(b => string.Equals(ParLabels.Of(b), n, StringComparison.OrdinalIgnoreCase) || b.Key == n)
                 || await db.Set<ParGroupRow>().AnyAsync(g => g.Name == n, ct))
            errors.Add(("Name", $"Đã có nhóm \"{n}\". Hãy đặt tên khác."));
        if (kinds.Count == 0) errors.Add(("Kinds", "Hãy chọn ít nhất một loại cơ quan thuộc nhóm."));
        foreach (var k in kinds.Where(BuiltInKinds.Contains))
            errors.Add(($"Kinds.{k}", $"Loại \"{Labels.Of(k)}\" đã thuộc nhóm có sẵn \"{ParLabels.Of(ParLabels.GroupOf(k)!.Value)}\". Mỗi loại cơ quan chỉ thuộc một nhóm."));
        foreach (var other in await ConfiguredAsync(ct))
            foreach (var k in kinds.Where(other.Kinds().Contains))
                errors.Add(($"Kinds.{k}", $"Loại \"{Labels.Of(k)}\" đã thuộc nhóm \"{other.Name}\". Mỗi loại cơ quan chỉ thuộc một nhóm."));
        if (errors.Count > 0) return Outcome<ParGroupRow>.Invalid(errors);
        var row = new ParGroupRow { Name = n, MemberKinds = string.Join(',', kinds.Distinct()) };
        db.Add(row);
        return Outcome<ParGroupRow>.Ok(row);
    }

    /// <summary>Removes a configured group that no criteria set or round uses yet.</summary>
    /// <summary>Does not save; a group in use is locked, not removed.</summary>
    public async Task<Outcome<ParGroupRow>> DeleteAsync(int id, CancellationToken ct = default)
    {
        var row = await db.Set<ParGroupRow>().FindAsync([id], ct);
        if (row is null) return Outcome<ParGroupRow>.NotFound("Không tìm thấy nhóm đơn vị này.");
        var group = new ParUnitGroup(row.Name);
        if (await db.Set<ParCriteriaSetRow>().AnyAsync(s => s.Group == group, ct) || await db.Set<ParAssessment>().AnyAsync(a => a.Group == group, ct))
            return Outcome<ParGroupRow>.Locked($"Nhóm \"{row.Name}\" đã có bộ tiêu chí hoặc đợt đánh giá nên không thể xóa.");
        db.Remove(row);
        return Outcome<ParGroupRow>.Ok(row);
    }
}
