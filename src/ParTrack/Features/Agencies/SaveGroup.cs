using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Agencies;

/// <summary>A named group ("UBND cấp huyện") as entered on the form or in the API.</summary>
public sealed class GroupInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên nhóm."), StringLength(Limits.Name, ErrorMessage = "Tên dài tối đa {1} ký tự.")]
    public string Name { get; set; } = "";
    public List<AgencyKind> MemberKinds { get; set; } = [];
    public AdminLevel? MemberLevel { get; set; }
    public List<string> Aliases { get; set; } = [];

    /// <summary>The version the editor started from; null on create. A stale one is refused (409).</summary>
    public Guid? Version { get; set; }
}

/// <summary>Creates or updates a group; its name and aliases must not point at another body.</summary>
public sealed class SaveGroup(AppDbContext db)
{
    /// <summary>Checks and applies the input to a new or tracked group; does not save.</summary>
    public async Task<Outcome<AgencyGroup>> ApplyAsync(GroupInput input, int? id, CancellationToken ct = default)
    {
        AgencyGroup group;
        if (id is null) group = new AgencyGroup();
        else
        {
            var found = await db.AgencyGroups.Include(g => g.Aliases).FirstOrDefaultAsync(g => g.Id == id, ct);
            if (found is null) return Outcome<AgencyGroup>.NotFound();
            group = found;
            if (input.Version is { } v && v != group.Version) return Outcome<AgencyGroup>.VersionConflict(group.Version);
            // Also guards the save itself: another edit between load and save fails with a conflict.
            db.Entry(group).Property(g => g.Version).OriginalValue = input.Version ?? group.Version;
        }
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add((nameof(input.Name), "Vui lòng nhập tên nhóm."));
        else if (input.Name.Trim().Length > Limits.Name) errors.Add((nameof(input.Name), $"Tên dài tối đa {Limits.Name} ký tự."));
        if (input.MemberKinds.Count == 0) errors.Add((nameof(input.MemberKinds), "Chọn ít nhất một loại cơ quan thành viên."));
        if (input.MemberKinds.Any(k => !Enum.IsDefined(k))) errors.Add((nameof(input.MemberKinds), "Loại cơ quan không hợp lệ."));
        if (input.Aliases.Any(a => a.Trim().Length > Limits.Name)) errors.Add((nameof(input.Aliases), $"Mỗi tên gọi khác dài tối đa {Limits.Name} ký tự."));

        var keys = await db.Agencies.AsNoTracking().Select(a => new { a.Name, a.ShortName }).ToListAsync(ct);
        var taken = keys.SelectMany(a => new[] { a.Name, a.ShortName }).Select(AliasKey.Of).Where(k => k.Length > 0).ToHashSet();
        taken.UnionWith((await db.AgencyGroups.AsNoTracking().Where(g => g.Id != id).Select(g => g.Name).ToListAsync(ct)).Select(AliasKey.Of));
        taken.UnionWith(await db.AgencyAliases.AsNoTracking().Where(x => x.GroupId == null || x.GroupId != id).Select(x => x.Key).ToListAsync(ct));
        foreach (var text in input.Aliases.Prepend(input.Name).Where(t => !string.IsNullOrWhiteSpace(t)))
            if (taken.Contains(AliasKey.Of(text)))
                errors.Add((text == input.Name ? nameof(input.Name) : nameof(input.Aliases), $"\"{text.Trim()}\" đã là tên của một cơ quan hoặc nhóm khác."));
        if (errors.Count > 0) return Outcome<AgencyGroup>.Invalid(errors);

        group.Name = input.Name.Trim();
        group.MemberKinds = string.Join(",", input.MemberKinds.Distinct());
        group.MemberLevel = input.MemberLevel;
        var wanted = input.Aliases.Select(a => a.Trim()).Where(a => a.Length > 0).GroupBy(AliasKey.Of).ToDictionary(g => g.Key, g => g.First());
        // Delete dropped aliases (just unlinking them would leave orphan rows holding their unique key).
        foreach (var dropped in group.Aliases.Where(a => !wanted.ContainsKey(a.Key)).ToList())
        {
            group.Aliases.Remove(dropped);
            db.AgencyAliases.Remove(dropped);
        }
        foreach (var (key, text) in wanted)
            if (!group.Aliases.Any(a => a.Key == key)) group.Aliases.Add(new AgencyAlias { Key = key, Text = text });
        if (id is null) db.AgencyGroups.Add(group);
        return Outcome<AgencyGroup>.Ok(group);
    }

    /// <summary>Applies and saves; a concurrent edit becomes a conflict with the stored version.</summary>
    public async Task<Outcome<int>> SaveAsync(GroupInput input, int? id, CancellationToken ct = default)
    {
        var applied = await ApplyAsync(input, id, ct);
        if (applied.Value is not { } group) return applied.As<int>();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.VersionConflict(await db.AgencyGroups.AsNoTracking().Where(g => g.Id == id).Select(g => (Guid?)g.Version).FirstOrDefaultAsync(ct));
        }
        return Outcome<int>.Ok(group.Id);
    }
}
