using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Shared;
using ParTrack.Features.Agencies;
using ParTrack.Features.Dossiers;

namespace ParTrack.Features.Satisfaction;

/// <summary>A dossier in a campaign's sampling frame, with the unit that handled it.</summary>
public sealed record FrameDossier(string DossierCode, int UnitId);

/// <summary>
/// Sampling: the frame's size per unit gives its quota (n = N/(1+N·e²) or the fixed quota), then a seeded draw
/// picks the dossiers that get an invitation code. The frame is an uploaded list (<see cref="ReadCsv"/>) or the
/// one-stop dossiers resolved in a window (<see cref="FromDossiersAsync"/>); both give the same FrameDossier list
/// to <see cref="DrawAsync"/>.
/// </summary>
public sealed class SamplingFrame(AppDbContext db, SurveyCampaigns campaigns, AgencyDirectory directory)
{
    public const int MaxRows = 200_000;

    /// <summary>"dossier code,unit name" per line (a header line is skipped); units matched by name or short name.</summary>
    public static (IReadOnlyList<FrameDossier> Frame, IReadOnlyList<string> Errors) ReadCsv(string text, IReadOnlyList<(int UnitId, string Name, string? ShortName)> units)
    {
        var frame = new List<FrameDossier>();
        var errors = new List<string>();
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var u in units)
        {
            byName[u.Name.Trim()] = u.UnitId;
            if (!string.IsNullOrWhiteSpace(u.ShortName)) byName.TryAdd(u.ShortName.Trim(), u.UnitId);
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length && errors.Count < 20; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0) continue;
            var cells = line.Split(line.Contains(';') && !line.Contains(',') ? ';' : ',', 2, StringSplitOptions.TrimEntries);
            if (cells.Length < 2) { errors.Add($"Dòng {i + 1}: cần hai cột \"mã hồ sơ, đơn vị\"."); continue; }
            var code = SurveyCodes.NormalizeDossier(cells[0].Trim('"'));
            var unit = cells[1].Trim('"').Trim();
            if (!byName.TryGetValue(unit, out var unitId))
            {
                if (i == 0) continue;   // the header line
                errors.Add($"Dòng {i + 1}: đơn vị \"{unit}\" không thuộc phạm vi đợt khảo sát.");
                continue;
            }
            if (code.Length is 0 or > Limits.ShortText) { errors.Add($"Dòng {i + 1}: mã hồ sơ trống hoặc dài quá {Limits.ShortText} ký tự."); continue; }
            if (!seen.Add(code)) continue;
            frame.Add(new FrameDossier(code, unitId));
        }
        if (frame.Count > MaxRows) errors.Add($"Danh sách có {frame.Count:N0} hồ sơ, quá giới hạn {MaxRows:N0}.");
        if (frame.Count == 0 && errors.Count == 0) errors.Add("Tệp không có hồ sơ nào.");
        return (frame, errors);
    }

    /// <summary>
    /// The dossiers each unit's agency (or a body merged into it) resolved between the two days, from the stored
    /// one-stop data; a code met twice counts once, for the first unit. An empty or too large frame is refused.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<FrameDossier>>> FromDossiersAsync(SurveyCampaign campaign, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var frame = new List<FrameDossier>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var unit in campaign.Units.OrderBy(u => u.Id))
        {
            var agencies = await directory.SelfAndPredecessorsAsync(unit.AgencyId, ct: ct) ?? new HashSet<int> { unit.AgencyId };
            foreach (var code in (await ResolvedDossiers.CodesAsync(db, [.. agencies], from, to, ct)).Select(SurveyCodes.NormalizeDossier))
                if (code.Length > 0 && seen.Add(code)) frame.Add(new FrameDossier(code, unit.Id));
            if (frame.Count > MaxRows) return Outcome<IReadOnlyList<FrameDossier>>.Invalid("from", $"Có hơn {MaxRows:N0} hồ sơ được giải quyết trong khoảng này; hãy chọn khoảng ngắn hơn.");
        }
        return frame.Count == 0
            ? Outcome<IReadOnlyList<FrameDossier>>.Invalid("from", $"Không có hồ sơ nào của các đơn vị được giải quyết từ {from:dd/MM/yyyy} đến {to:dd/MM/yyyy}. Hãy chọn khoảng khác, hoặc nhập dữ liệu hồ sơ một cửa trước (trang Chỉ số phục vụ).")
            : Outcome<IReadOnlyList<FrameDossier>>.Ok(frame);
    }

    /// <summary>
    /// Sets each unit's N and n, and replaces the unused invitations with a new draw (seed recorded on the campaign).
    /// Used invitations stay: their answers are in.
    /// </summary>
    public async Task<int> DrawAsync(SurveyCampaign campaign, IReadOnlyList<FrameDossier> frame, long seed, CancellationToken ct)
    {
        QuotaRule rule = campaign.FixedQuota is { } fixedQuota ? new FixedQuota(fixedQuota) : new FormulaQuota(campaign.Margin);
        await db.Set<SurveyInvitation>().Where(i => i.CampaignId == campaign.Id && !i.Used).ExecuteDeleteAsync(ct);
        var used = await db.Set<SurveyInvitation>().Where(i => i.CampaignId == campaign.Id).Select(i => i.DossierCode).ToListAsync(ct);
        var drawn = 0;
        foreach (var unit in campaign.Units)
        {
            var dossiers = frame.Where(f => f.UnitId == unit.Id).Select(f => f.DossierCode).ToList();
            unit.Population = dossiers.Count;
            unit.Quota = rule.For(dossiers.Count);
            // The seed is mixed with the unit so units do not share a sequence.
            foreach (var code in Sampling.Draw(dossiers, unit.Quota, seed ^ unit.AgencyId * 7919L).Where(c => !used.Contains(c)))
            {
                db.Add(new SurveyInvitation { CampaignId = campaign.Id, UnitId = unit.Id, DossierCode = code, Code = await campaigns.FreeCodeAsync(SurveyCodes.InvitationLength, ct) });
                drawn++;
            }
        }
        campaign.Seed = seed;
        return drawn;
    }
}
