using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Agencies;

/// <summary>An agency as entered on the form, in the API or in a CSV row.</summary>
public sealed class AgencyInput
{
    [Required(ErrorMessage = "Vui lòng nhập tên cơ quan."), StringLength(Limits.Name, ErrorMessage = "Tên dài tối đa {1} ký tự.")]
    public string Name { get; set; } = "";

    [StringLength(Limits.ShortText, ErrorMessage = "Tên viết tắt dài tối đa {1} ký tự.")]
    public string? ShortName { get; set; }

    public AgencyKind Kind { get; set; } = AgencyKind.Department;
    public AdminLevel Level { get; set; } = AdminLevel.Province;
    public int? ParentId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public int? SuccessorId { get; set; }

    /// <summary>Other written forms, one per line (form) or as a list (API).</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>The version the editor started from; null on create. A stale one is refused (409).</summary>
    public Guid? Version { get; set; }
}

/// <summary>Creates or updates an agency with the registry's rules (unique names, valid links and dates).</summary>
public sealed class SaveAgency(AppDbContext db)
{
    /// <summary>Checks and applies the input to a new or tracked agency; does not save.</summary>
    public async Task<Outcome<Agency>> ApplyAsync(AgencyInput input, int? id, CancellationToken ct = default)
    {
        Agency agency;
        if (id is null)
        {
            agency = new Agency();
        }
        else
        {
            var found = await db.Agencies.Include(a => a.Aliases).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (found is null) return Outcome<Agency>.NotFound();
            agency = found;
            if (input.Version is { } v && v != agency.Version) return Outcome<Agency>.VersionConflict(agency.Version);
            // Also guards the save itself: another edit between load and save fails with a conflict.
            db.Entry(agency).Property(a => a.Version).OriginalValue = input.Version ?? agency.Version;
        }

        var errors = await ValidateAsync(input, id, ct);
        if (errors.Count > 0) return Outcome<Agency>.Invalid(errors);

        agency.Name = input.Name.Trim();
        agency.ShortName = string.IsNullOrWhiteSpace(input.ShortName) ? null : input.ShortName.Trim();
        agency.Kind = input.Kind;
        agency.Level = input.Level;
        agency.ParentId = input.ParentId;
        agency.ValidFrom = input.ValidFrom;
        agency.ValidTo = input.ValidTo;
        agency.SuccessorId = input.SuccessorId;
        var wanted = CleanAliases(input.Aliases);
        // Delete dropped aliases (just unlinking them would leave orphan rows holding their unique key).
        foreach (var dropped in agency.Aliases.Where(a => !wanted.ContainsKey(a.Key)).ToList())
        {
            agency.Aliases.Remove(dropped);
            db.AgencyAliases.Remove(dropped);
        }
        foreach (var (key, text) in wanted)
            if (agency.Aliases.FirstOrDefault(a => a.Key == key) is { } existing) existing.Text = text;
            else agency.Aliases.Add(new AgencyAlias { Key = key, Text = text });
        if (id is null) db.Agencies.Add(agency);
        return Outcome<Agency>.Ok(agency);
    }

    /// <summary>Applies and saves. On success the id is the saved agency's.</summary>
    public async Task<Outcome<int>> SaveAsync(AgencyInput input, int? id, CancellationToken ct = default)
    {
        var applied = await ApplyAsync(input, id, ct);
        if (applied.Value is not { } agency) return applied.As<int>();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<int>.VersionConflict(await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.Version).FirstOrDefaultAsync(ct));
        }
        return Outcome<int>.Ok(agency.Id);
    }

    static Dictionary<string, string> CleanAliases(IEnumerable<string> aliases)
    {
        var result = new Dictionary<string, string>();
        foreach (var text in aliases.Select(a => a.Trim()).Where(a => a.Length > 0))
            result.TryAdd(AliasKey.Of(text), text);
        return result;
    }

    async Task<List<(string, string)>> ValidateAsync(AgencyInput input, int? id, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add((nameof(input.Name), "Vui lòng nhập tên cơ quan."));
        else if (input.Name.Trim().Length > Limits.Name) errors.Add((nameof(input.Name), $"Tên dài tối đa {Limits.Name} ký tự."));
        if (input.ShortName?.Trim().Length > Limits.ShortText) errors.Add((nameof(input.ShortName), $"Tên viết tắt dài tối đa {Limits.ShortText} ký tự."));
        if (!Enum.IsDefined(input.Kind)) errors.Add((nameof(input.Kind), "Loại cơ quan không hợp lệ."));
        if (!Enum.IsDefined(input.Level)) errors.Add((nameof(input.Level), "Cấp hành chính không hợp lệ."));
        if (input.ValidFrom is { } from && input.ValidTo is { } to && to < from)
            errors.Add((nameof(input.ValidTo), "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực."));
        if (input.Aliases.Any(a => a.Trim().Length > Limits.Name))
            errors.Add((nameof(input.Aliases), $"Mỗi tên gọi khác dài tối đa {Limits.Name} ký tự."));

        if (input.ParentId is { } parent)
        {
            if (parent == id) errors.Add((nameof(input.ParentId), "Cơ quan không thể trực thuộc chính nó."));
            else if (!await db.Agencies.AnyAsync(a => a.Id == parent, ct)) errors.Add((nameof(input.ParentId), "Cơ quan cấp trên không tồn tại."));
        }
        if (input.SuccessorId is { } successor)
        {
            if (successor == id) errors.Add((nameof(input.SuccessorId), "Cơ quan kế thừa phải là cơ quan khác."));
            else if (!await db.Agencies.AnyAsync(a => a.Id == successor, ct)) errors.Add((nameof(input.SuccessorId), "Cơ quan kế thừa không tồn tại."));
            else if (id is not null && await LeadsBackAsync(successor, id.Value, ct))
                errors.Add((nameof(input.SuccessorId), "Chuỗi kế thừa bị vòng lặp: cơ quan kế thừa lại được kế thừa bởi cơ quan này."));
            if (input.ValidTo is null)
                errors.Add((nameof(input.ValidTo), "Cơ quan đã có cơ quan kế thừa phải có ngày hết hiệu lực (ngày sáp nhập)."));
        }

        // Every name, short name and alias must point at one body only, or resolving names becomes a guess.
        var taken = await TakenKeysAsync(id, ct);
        void Check(string field, string? text, string what)
        {
            var key = AliasKey.Of(text);
            if (key.Length > 0 && taken.TryGetValue(key, out var owner))
                errors.Add((field, $"{what} \"{text!.Trim()}\" đã dùng cho {owner}. Hãy dùng tên khác hoặc sửa cơ quan kia."));
        }
        Check(nameof(input.Name), input.Name, "Tên");
        Check(nameof(input.ShortName), input.ShortName, "Tên viết tắt");
        foreach (var alias in input.Aliases) Check(nameof(input.Aliases), alias, "Tên gọi khác");
        return errors;
    }

    async Task<bool> LeadsBackAsync(int start, int target, CancellationToken ct)
    {
        var links = await db.Agencies.Where(a => a.SuccessorId != null).ToDictionaryAsync(a => a.Id, a => a.SuccessorId!.Value, ct);
        var current = start;
        for (var i = 0; i < 50 && links.TryGetValue(current, out var next); i++)
        {
            if (next == target) return true;
            current = next;
        }
        return false;
    }

    /// <summary>Keys already used by other agencies and groups, with a readable owner.</summary>
    async Task<Dictionary<string, string>> TakenKeysAsync(int? exceptAgencyId, CancellationToken ct)
    {
        var taken = new Dictionary<string, string>();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Id != exceptAgencyId)
            .Select(a => new { a.Name, a.ShortName }).ToListAsync(ct);
        foreach (var a in agencies)
        {
            taken.TryAdd(AliasKey.Of(a.Name), $"cơ quan \"{a.Name}\"");
            if (a.ShortName is not null) taken.TryAdd(AliasKey.Of(a.ShortName), $"cơ quan \"{a.Name}\"");
        }
        foreach (var g in await db.AgencyGroups.AsNoTracking().Select(g => g.Name).ToListAsync(ct))
            taken.TryAdd(AliasKey.Of(g), $"nhóm \"{g}\"");
        var aliases = await db.AgencyAliases.AsNoTracking().Where(x => x.AgencyId != exceptAgencyId || x.AgencyId == null)
            .Select(x => new { x.Key, x.AgencyId, x.GroupId }).ToListAsync(ct);
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var groupNames = await db.AgencyGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        foreach (var x in aliases)
            taken.TryAdd(x.Key, x.AgencyId is { } a ? $"cơ quan \"{names.GetValueOrDefault(a)}\"" : $"nhóm \"{groupNames.GetValueOrDefault(x.GroupId ?? 0)}\"");
        return taken;
    }
}
