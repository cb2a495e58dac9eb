using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Agencies;

/// <summary>
/// A merge (A and B become C: C existing, or new when <see cref="NewName"/> is given), a split (A becomes the
/// agencies of <see cref="ToIds"/>, the first taking what is not chosen otherwise) or a rename (A is called
/// <see cref="NewName"/> from the day).
/// </summary>
public sealed class ReorganisationInput
{
    public ChangeKind Kind { get; set; } = ChangeKind.Merge;
    public List<int> FromIds { get; set; } = [];
    /// <summary>Merge into an existing agency: one id; split: the successors, the main one first.</summary>
    public List<int> ToIds { get; set; } = [];
    [StringLength(Limits.Name, ErrorMessage = "Tên dài tối đa {1} ký tự.")]
    public string? NewName { get; set; }
    [StringLength(Limits.ShortText, ErrorMessage = "Tên viết tắt dài tối đa {1} ký tự.")]
    public string? NewShortName { get; set; }
    /// <summary>The successor's first day; the merged bodies' last day is the day before.</summary>
    public DateOnly? EffectiveOn { get; set; }
    [StringLength(Limits.Text, ErrorMessage = "Ghi chú dài tối đa {1} ký tự.")]
    public string? Note { get; set; }
    /// <summary>Deactivate the accounts of the bodies that cease instead of moving them to the successor.</summary>
    public bool DeactivateAccounts { get; set; }
    /// <summary>Split: assignment id → the successor that takes that open work (default: the first successor).</summary>
    public Dictionary<int, int> WorkTo { get; set; } = [];
}

/// <summary>An open assignment (issued plan, activity not done) of a body that ceases, and who takes it.</summary>
public sealed record OpenWork(int AssignmentId, int ActivityId, string PlanTitle, string? Code, string Text, AssignmentRole Role, int FromAgencyId, int ToAgencyId);
public sealed record MovedAccount(int UserId, string UserName, string DisplayName, int FromAgencyId);
public enum ParUnitStep { Move, Remove, Keep }
public sealed record ParUnit(int AssessmentId, string RoundTitle, int FromAgencyId, ParUnitStep Step);

/// <summary>What a reorganisation will do, shown before it is confirmed.</summary>
public sealed record ReorganisationPreview(ChangeKind Kind, DateOnly EffectiveOn, IReadOnlyList<Agency> From, IReadOnlyList<Agency> To, string? NewName,
    IReadOnlyList<OpenWork> Work, IReadOnlyList<MovedAccount> Accounts, IReadOnlyList<ParUnit> ParUnits, bool DeactivateAccounts)
{
    public string SuccessorNames => NewName ?? string.Join(", ", To.Select(a => a.Name));
    public int MovingUnits => ParUnits.Count(u => u.Step == ParUnitStep.Move);
}

/// <summary>
/// Applies a reorganisation to the registry (DOMAIN §7) in one transaction: the ceasing bodies get their last
/// day and successor, open work follows the successor (a split's choices are kept on the assignments),
/// accounts move or are deactivated (their users are told at sign-in), the PAR units of open rounds move,
/// and each step is in the audit log. History (reports, accepted figures, closed rounds) stays under the
/// old bodies and reads under the successor through the registry's successor links.
/// </summary>
public sealed class Reorganisation(AppDbContext db, TimeProvider clock, IAuditUser who, Dashboard.DashboardCache? dashboards = null)
{
    public async Task<Outcome<ReorganisationPreview>> PreviewAsync(ReorganisationInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (input.EffectiveOn is not DateOnly on) { errors["EffectiveOn"] = "Hãy nhập ngày có hiệu lực (ngày đầu tiên cơ quan mới hoạt động)."; on = default; }
        var fromIds = input.FromIds.Distinct().ToList();
        var toIds = input.ToIds.Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => fromIds.Contains(a.Id) || toIds.Contains(a.Id)).ToListAsync(ct);
        var from = fromIds.Select(id => agencies.FirstOrDefault(a => a.Id == id)).OfType<Agency>().ToList();
        var to = toIds.Select(id => agencies.FirstOrDefault(a => a.Id == id)).OfType<Agency>().ToList();
        var newName = string.IsNullOrWhiteSpace(input.NewName) ? null : input.NewName.Trim();

        switch (input.Kind)
        {
            case ChangeKind.Merge when from.Count == 0:
                errors["FromIds"] = "Hãy chọn các cơ quan được sáp nhập."; break;
            case ChangeKind.Merge when (newName is null) == (to.Count == 0) || to.Count > 1:
                errors["ToIds"] = "Hãy chọn một cơ quan tiếp nhận, hoặc nhập tên cơ quan mới (không cả hai)."; break;
            case ChangeKind.Split when from.Count != 1:
                errors["FromIds"] = "Hãy chọn một cơ quan được chia tách."; break;
            case ChangeKind.Split when to.Count < 2:
                errors["ToIds"] = "Hãy chọn ít nhất hai cơ quan tiếp nhận (tạo trước các cơ quan mới trong danh mục)."; break;
            case ChangeKind.Rename when from.Count != 1 || newName is null:
                errors["NewName"] = "Hãy chọn một cơ quan và nhập tên mới."; break;
        }
        if (input.Kind == ChangeKind.Rename || (input.Kind == ChangeKind.Merge && newName is not null)) to = [];
        if (from.Any(a => toIds.Contains(a.Id))) errors["ToIds"] = "Cơ quan tiếp nhận không được nằm trong số cơ quan chấm dứt hoạt động.";
        if (errors.Count == 0)
        {
            foreach (var a in from.Where(a => !a.IsCurrent(on.AddDays(-1))))
                errors["FromIds"] = $"{a.Name} không hoạt động vào ngày {on.AddDays(-1):dd/MM/yyyy}; hãy kiểm tra ngày có hiệu lực.";
            foreach (var a in from.Where(a => a.SuccessorId is not null))
                errors["FromIds"] = $"{a.Name} đã có cơ quan kế thừa; sửa trực tiếp trong danh mục nếu cần thay đổi.";
            foreach (var a in to.Where(a => !a.IsCurrent(on)))
                errors["ToIds"] = $"{a.Name} không hoạt động vào ngày {on:dd/MM/yyyy}; hãy sửa thời gian hiệu lực của cơ quan đó trước.";
            if (newName is not null && await NameTakenAsync(newName, ct))
                errors["NewName"] = $"Danh mục đã có cơ quan tên \"{newName}\". Hãy chọn cơ quan đó làm cơ quan tiếp nhận hoặc đặt tên khác.";
        }
        if (errors.Count > 0) return Outcome<ReorganisationPreview>.Invalid(errors);

        var main = to.FirstOrDefault()?.Id ?? 0;   // 0: the new body, not yet in the registry
        var work = (await OpenWorkAsync(fromIds, ct)).Select(w => w with
        {
            ToAgencyId = input.Kind == ChangeKind.Split && input.WorkTo.TryGetValue(w.AssignmentId, out var t) && toIds.Contains(t) ? t : main,
        }).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.Active && u.AgencyId != null && fromIds.Contains(u.AgencyId.Value))
            .OrderBy(u => u.UserName).Select(u => new MovedAccount(u.Id, u.UserName, u.DisplayName, u.AgencyId!.Value)).ToListAsync(ct);
        var units = await ParUnitsAsync(fromIds, main, ct);
        return Outcome<ReorganisationPreview>.Ok(new(input.Kind, on, from, to, input.Kind == ChangeKind.Split ? null : newName,
            work, accounts, units, input.DeactivateAccounts));
    }

    /// <summary>Applies the change previewed from the same input; returns the change's id.</summary>
    public async Task<Outcome<int>> ApplyAsync(ReorganisationInput input, CancellationToken ct = default)
    {
        var checkedInput = await PreviewAsync(input, ct);
        if (checkedInput.Value is not { } p) return new Outcome<int>(checkedInput.Kind, Message: checkedInput.Message, Errors: checkedInput.Errors);

        var fromIds = p.From.Select(a => a.Id).ToList();
        var from = await db.Agencies.Where(a => fromIds.Contains(a.Id)).ToListAsync(ct);
        var toIds = p.To.Select(a => a.Id).ToList();
        var to = await db.Agencies.Where(a => toIds.Contains(a.Id)).ToListAsync(ct);
        to = toIds.Select(id => to.Single(a => a.Id == id)).ToList();
        if (p.NewName is not null)
        {
            var first = from[0];
            to = [new Agency
            {
                Name = p.NewName, ShortName = string.IsNullOrWhiteSpace(input.NewShortName) ? null : input.NewShortName.Trim(),
                Kind = first.Kind, Level = first.Level, ParentId = first.ParentId, ValidFrom = p.EffectiveOn,
            }];
            db.Agencies.Add(to[0]);
        }
        var main = to[0];
        Agency Target(int id) => id == 0 ? main : to.Single(a => a.Id == id);

        var change = new AgencyChange
        {
            Kind = p.Kind, EffectiveOn = p.EffectiveOn, Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            AtUtc = clock.GetUtcNow().UtcDateTime, UserName = who.AuditName,
        };
        foreach (var a in from)
        {
            a.ValidTo = p.EffectiveOn.AddDays(-1);
            a.Successor = main;
            foreach (var t in to) change.Parts.Add(new AgencyChangePart { FromAgencyId = a.Id, ToAgency = t });
        }
        db.Add(change);

        // Open work follows the main successor through the registry; only a split's other choices are written on the assignments.
        var chosen = p.Work.Where(w => w.ToAgencyId != 0 && w.ToAgencyId != main.Id).ToDictionary(w => w.AssignmentId, w => w.ToAgencyId);
        foreach (var x in await db.Assignments.Where(x => chosen.Keys.Contains(x.Id)).ToListAsync(ct)) x.MovedToAgencyId = chosen[x.Id];

        var userIds = p.Accounts.Select(u => u.UserId).ToList();
        foreach (var user in await db.Users.Where(u => userIds.Contains(u.Id)).ToListAsync(ct))
        {
            var move = new AccountMove { Change = change, UserId = user.Id, FromAgencyId = user.AgencyId!.Value };
            if (p.DeactivateAccounts) user.Active = false;
            else { user.Agency = main; move.ToAgency = main; }
            db.Add(move);
        }

        var unitIds = p.ParUnits.Select(u => u.AssessmentId).ToList();
        var assessments = await db.Set<ParAssessment>().Where(a => unitIds.Contains(a.Id)).ToListAsync(ct);
        foreach (var u in p.ParUnits)
        {
            var a = assessments.Single(x => x.Id == u.AssessmentId);
            if (u.Step == ParUnitStep.Move) a.Agency = main;
            else if (u.Step == ParUnitStep.Remove) db.Remove(a);
        }
        await db.SaveChangesAsync(ct);

        // The entity changes above are audited by the save; these say what moved without a row changing.
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var a in from)
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = now, UserName = who.AuditName, Entity = nameof(Agency), EntityId = a.Id.ToString(), Action = p.Kind.ToString(),
                After = JsonSerializer.Serialize(new
                {
                    change = change.Id, on = p.EffectiveOn, successors = to.Select(t => t.Id),
                    openWork = p.Work.Where(w => w.FromAgencyId == a.Id).Select(w => new { w.AssignmentId, w.ActivityId, to = Target(w.ToAgencyId).Id }),
                    accounts = p.Accounts.Where(u => u.FromAgencyId == a.Id).Select(u => u.UserName), accountsDeactivated = p.DeactivateAccounts,
                    parUnits = p.ParUnits.Where(u => u.FromAgencyId == a.Id).Select(u => new { u.AssessmentId, step = u.Step.ToString() }),
                }),
            });
        await db.SaveChangesAsync(ct);
        dashboards?.Changed();
        return Outcome<int>.Ok(change.Id);
    }

    async Task<bool> NameTakenAsync(string name, CancellationToken ct)
    {
        var key = AliasKey.Of(name);
        return (await db.Agencies.AsNoTracking().Select(a => a.Name).ToListAsync(ct)).Any(n => AliasKey.Of(n) == key);
    }

    /// <summary>
    /// Assignments naming the bodies in the province's issued plans whose activity is not done yet (an
    /// agency's own plan copies those activities; counting the copies would count the same work twice).
    /// </summary>
    async Task<List<OpenWork>> OpenWorkAsync(List<int> fromIds, CancellationToken ct) =>
        await (from x in db.Assignments
               join a in db.Activities on x.ActivityId equals a.Id
               where x.AgencyId != null && fromIds.Contains(x.AgencyId.Value) && x.MovedToAgencyId == null
                     && a.Plan!.Status == PlanStatus.Issued && a.Plan.OwnerAgencyId == null && a.CancelledAtUtc == null && a.Status != ActivityStatus.Done && a.Status != ActivityStatus.DoneLate
               orderby a.PlanId, a.Order, x.Order
               select new OpenWork(x.Id, a.Id, a.Plan!.Title, a.Code, a.Text, x.Role, x.AgencyId!.Value, 0))
            .AsNoTracking().ToListAsync(ct);

    /// <summary>
    /// The bodies' units in rounds not yet published: moved to the successor when it has none in the round,
    /// otherwise removed when still empty, or kept (its scores are history) when the unit has begun.
    /// </summary>
    async Task<List<ParUnit>> ParUnitsAsync(List<int> fromIds, int successorId, CancellationToken ct)
    {
        var units = await db.Set<ParAssessment>().AsNoTracking().Where(a => a.Round!.Stage != RoundStage.Published && fromIds.Contains(a.AgencyId))
            .OrderBy(a => a.RoundId).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.RoundId, a.Round!.Title, a.AgencyId, Begun = a.Scores.Any() || a.Evidence.Any() }).ToListAsync(ct);
        var taken = await db.Set<ParAssessment>().AsNoTracking().Where(a => a.AgencyId == successorId).Select(a => a.RoundId).ToListAsync(ct);
        var rounds = taken.ToHashSet();
        return units.Select(u => new ParUnit(u.Id, u.Title, u.AgencyId,
            rounds.Add(u.RoundId) ? ParUnitStep.Move : u.Begun ? ParUnitStep.Keep : ParUnitStep.Remove)).ToList();
    }
}
