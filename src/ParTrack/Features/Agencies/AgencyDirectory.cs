using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Agencies;

/// <summary>What a written name points at: an agency or a group (one of the two is set).</summary>
public sealed record Resolution(int? AgencyId, int? GroupId, string Name);

/// <summary>A written body name → the agency or group it means; null when unknown.</summary>
public delegate Resolution? ResolveName(string? writtenName);

/// <summary>
/// Looks up the registry the way plans need it: a written name → agency or group (by the normalised
/// keys of names, short names and aliases), a merged body → its current successor, a group → its
/// members on a day. Loads the registry once per request scope (a few hundred rows).
/// </summary>
public sealed class AgencyDirectory(AppDbContext db)
{
    sealed record Snapshot(Dictionary<int, Agency> Agencies, Dictionary<int, AgencyGroup> Groups);
    Snapshot? _snapshot;
    Dictionary<string, Resolution>? _byKey;
    HashSet<string>? _nameKeys;

    // Agencies and groups without their aliases: successors and group membership ("Việc của tôi" on every
    // request) need only these columns; the alias keys are built when a name is first resolved.
    async Task<Snapshot> LoadAsync(CancellationToken ct)
    {
        if (_snapshot is not null) return _snapshot;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, ct);
        var groups = await db.AgencyGroups.AsNoTracking().ToDictionaryAsync(g => g.Id, ct);
        return _snapshot = new(agencies, groups);
    }

    /// <summary>Every agency of the registry, current or not (the rows loaded once for the scope's lookups).</summary>
    public async Task<IReadOnlyCollection<Agency>> AllAsync(CancellationToken ct = default) => (await LoadAsync(ct)).Agencies.Values;

    async Task<Dictionary<string, Resolution>> KeysAsync(CancellationToken ct)
    {
        if (_byKey is not null) return _byKey;
        var s = await LoadAsync(ct);
        var aliases = await db.AgencyAliases.AsNoTracking().OrderBy(x => x.Id).ToListAsync(ct);
        var byKey = new Dictionary<string, Resolution>();
        void Add(string? text, Resolution r)
        {
            var key = AliasKey.Of(text);
            if (key.Length > 0) byKey.TryAdd(key, r);
        }
        // Names first, then short names, then aliases (agencies' before groups'): a full name wins over someone else's alias.
        foreach (var a in s.Agencies.Values) Add(a.Name, new(a.Id, null, a.Name));
        foreach (var g in s.Groups.Values) Add(g.Name, new(null, g.Id, g.Name));
        foreach (var a in s.Agencies.Values) Add(a.ShortName, new(a.Id, null, a.Name));
        _nameKeys = byKey.Keys.ToHashSet();
        foreach (var x in aliases)
            if (Resolve(s, x.AgencyId, x.GroupId) is { } r) Add(x.Text, r);
        return _byKey = byKey;
    }

    static Resolution? Resolve(Snapshot s, int? agencyId, int? groupId) =>
        agencyId is int id && s.Agencies.TryGetValue(id, out var a) ? new(a.Id, null, a.Name)
        : groupId is int gid && s.Groups.TryGetValue(gid, out var g) ? new(null, g.Id, g.Name)
        : null;

    /// <summary>The agency or group a document's name means, or null when unknown.</summary>
    public async Task<Resolution?> ResolveAsync(string? writtenName, CancellationToken ct = default) =>
        (await ResolverAsync(ct))(writtenName);

    /// <summary>
    /// A lookup over the loaded registry, for mapping the hundreds of names of a plan without a query each.
    /// A name points at the body the document named, even if it has merged since (see <see cref="CurrentOfAsync"/>).
    /// </summary>
    public Task<ResolveName> ResolverAsync(CancellationToken ct = default) => ResolverAsync(null, ct);

    /// <summary>
    /// The lookup for a plan owned by <paramref name="ownerAgencyId"/> (null: the province's): the registry,
    /// plus the names that agency resolved in its own plans (<see cref="AgencyScopedAlias"/>), which come
    /// after the registry's names and before its aliases. Other agencies' resolutions never apply.
    /// </summary>
    public async Task<ResolveName> ResolverAsync(int? ownerAgencyId, CancellationToken ct = default)
    {
        var byKey = await KeysAsync(ct);
        if (ownerAgencyId is not int owner) return name => byKey.GetValueOrDefault(AliasKey.Of(name));
        var s = await LoadAsync(ct);
        var scoped = new Dictionary<string, Resolution>();
        foreach (var x in await db.AgencyScopedAliases.AsNoTracking().Where(x => x.OwnerAgencyId == owner).ToListAsync(ct))
            if (Resolve(s, x.AgencyId, x.GroupId) is { } r) scoped.TryAdd(x.Key, r);
        var names = _nameKeys!;
        return name =>
        {
            var key = AliasKey.Of(name);
            return !names.Contains(key) && scoped.TryGetValue(key, out var own) ? own : byKey.GetValueOrDefault(key);
        };
    }

    /// <summary>
    /// The body that carries this agency's work on <paramref name="day"/>: itself while valid, else its
    /// successor (followed through several mergers). An abolished body without successor stays itself.
    /// </summary>
    public async Task<int> CurrentOfAsync(int agencyId, DateOnly day, CancellationToken ct = default)
    {
        var s = await LoadAsync(ct);
        var id = agencyId;
        for (var hops = 0; hops < 20 && s.Agencies.TryGetValue(id, out var a); hops++)
        {
            if (a.IsCurrent(day) || a.SuccessorId is not { } next) return id;
            id = next;
        }
        return id;
    }

    /// <summary>
    /// The agency and every body that merged into it, directly or through several mergers: work assigned
    /// to any of them is now this agency's. With <paramref name="from"/>, only the bodies that had ceased
    /// before that day: a body still valid then answers for its own work (it owes the periods it existed in).
    /// Null when the agency is not in the registry.
    /// </summary>
    public async Task<IReadOnlySet<int>?> SelfAndPredecessorsAsync(int agencyId, DateOnly? from = null, CancellationToken ct = default)
    {
        var s = await LoadAsync(ct);
        if (!s.Agencies.ContainsKey(agencyId)) return null;
        // Walks back from the agency through the bodies that name it (or one of them) as successor: asked for every agency
        // when a period's obligations are computed, so by successor, not by scanning the registry per agency.
        _predecessors ??= s.Agencies.Values.Where(a => a.SuccessorId is not null).ToLookup(a => a.SuccessorId!.Value);
        var ids = new HashSet<int> { agencyId };
        var next = new Queue<int>(ids);
        while (next.TryDequeue(out var id))
            foreach (var a in _predecessors[id])
                if (HasCeased(a, from) && ids.Add(a.Id)) next.Enqueue(a.Id);
        return ids;
    }

    ILookup<int, Agency>? _predecessors;

    /// <summary>The bodies that had ceased before <paramref name="from"/> (or ever, without a day): their open work is their successors'.</summary>
    public async Task<IReadOnlySet<int>> CeasedAsync(DateOnly? from = null, CancellationToken ct = default)
    {
        // Asked once per agency when a period's obligations are computed for all agencies: kept per day.
        var key = from ?? DateOnly.MinValue;
        if (_ceased.TryGetValue(key, out var known)) return known;
        var s = await LoadAsync(ct);
        return _ceased[key] = s.Agencies.Values.Where(a => a.ValidTo is not null && HasCeased(a, from)).Select(a => a.Id).ToHashSet();
    }

    readonly Dictionary<DateOnly, HashSet<int>> _ceased = [];

    static bool HasCeased(Agency a, DateOnly? from) => from is not DateOnly day || a.ValidTo < day;

    /// <summary>The groups whose membership rule (kinds and level) takes this agency; empty when unknown.</summary>
    public async Task<IReadOnlyList<int>> GroupsOfAsync(int agencyId, CancellationToken ct = default)
    {
        var s = await LoadAsync(ct);
        if (!s.Agencies.TryGetValue(agencyId, out var a)) return [];
        // Asked for every agency when a period's obligations are computed: kept per kind and level (a few), not parsed per agency.
        if (!_groupsOf.TryGetValue((a.Kind, a.Level), out var groups))
            _groupsOf[(a.Kind, a.Level)] = groups = s.Groups.Values.Where(g => IsMember(g, a.Kind, a.Level)).Select(g => g.Id).OrderBy(id => id).ToList();
        return groups;
    }

    readonly Dictionary<(AgencyKind, AdminLevel), List<int>> _groupsOf = [];

    /// <summary>Whether a group's rule takes agencies of this kind and level (validity is checked separately).</summary>
    public static bool IsMember(AgencyGroup group, AgencyKind kind, AdminLevel level) =>
        KindsOf(group).Contains(kind) && (group.MemberLevel is null || group.MemberLevel == level);

    /// <summary>The agencies of a group on a day: valid agencies of the group's kinds (and level).</summary>
    public async Task<IReadOnlyList<Agency>> MembersAsync(int groupId, DateOnly day, CancellationToken ct = default)
    {
        var s = await LoadAsync(ct);
        return s.Groups.TryGetValue(groupId, out var g) ? Members(g, s.Agencies.Values, day) : [];
    }

    public static IReadOnlyList<Agency> Members(AgencyGroup group, IEnumerable<Agency> agencies, DateOnly day)
    {
        return agencies.Where(a => IsMember(group, a.Kind, a.Level) && a.IsCurrent(day))
            .OrderBy(a => a.Name, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false)).ToList();
    }

    public static HashSet<AgencyKind> KindsOf(AgencyGroup group) =>
        group.MemberKinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Enum.TryParse<AgencyKind>(k, out var kind) ? kind : (AgencyKind?)null)
            .OfType<AgencyKind>().ToHashSet();

    /// <summary>
    /// Remembers that <paramref name="writtenName"/> means this agency or group, so the next import
    /// resolves it by itself. Does nothing when the name already resolves. Saves immediately.
    /// </summary>
    public async Task RememberAliasAsync(string writtenName, int? agencyId, int? groupId, CancellationToken ct = default)
    {
        var key = AliasKey.Of(writtenName);
        if (key.Length == 0 || key.Length > Limits.Name || (agencyId is null) == (groupId is null)) return;
        if (await ResolveAsync(writtenName, ct) is not null) return;
        db.AgencyAliases.Add(new AgencyAlias { Text = writtenName.Trim(), Key = key, AgencyId = agencyId, GroupId = groupId });
        await db.SaveChangesAsync(ct);
        _byKey = null;
    }
}
