using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using PlanJson = ParTrack.Import.PlanJson;
using Comparators = ParTrack.Import.Comparators;
using Levels = ParTrack.Import.Levels;

namespace ParTrack.Features.Plans;

/// <summary>A plan's document fields (the header of the decision that issues it).</summary>
public sealed record PlanInput(string Title, string? Number, string? DocumentType, string? Issuer, string? Place,
    DateOnly? IssuedOn, string? Signer, int FromYear, int ToYear,
    DateOnly? DepartmentPlanDeadline = null, DateOnly? CentralPlanDeadline = null, DateOnly? CommunePlanDeadline = null);

public sealed record MeasureInput(string? Level, string Comparator, decimal Value, string? Unit);

/// <summary>Creates and edits plans, areas, targets and tasks by hand (issuing and withdrawing: <see cref="PlanLifecycle"/>).</summary>
public sealed class PlanEditing(AppDbContext db, TimeProvider clock)
{
    public static readonly string[] ComparatorList =
        [Comparators.AtLeast, Comparators.AtMost, Comparators.Exactly, Comparators.ReduceBy, Comparators.IncreaseBy];
    public static readonly string[] LevelList = [Levels.Province, Levels.District, Levels.Commune];

    public const string PlanConflictMessage =
        "Người khác vừa sửa kế hoạch này trước bạn. Nội dung bạn nhập vẫn còn trong biểu mẫu; hãy tải lại trang để xem bản mới rồi sửa lại.";

    public async Task<Outcome<int>> CreateAsync(PlanInput input, int? ownerAgencyId, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors is not null) return Outcome<int>.Invalid(errors);
        var plan = new Plan { OwnerAgencyId = ownerAgencyId, Status = PlanStatus.Draft, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, Version = Guid.NewGuid() };
        Apply(plan, input);
        PlanMapper.SetDefaultDeadlines(plan);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(plan.Id);
    }

    /// <summary>A draft plan from plan JSON (import confirm and POST /api/plans).</summary>
    /// <param name="requireTitle">The API requires a title; an imported document without one gets it on the preview page.</param>
    public async Task<Outcome<int>> CreateFromJsonAsync(PlanJson json, ResolveName resolve, int? ownerAgencyId, CancellationToken ct = default,
        bool requireTitle = false)
    {
        var errors = ValidateJson(json, requireTitle);
        if (errors is not null) return Outcome<int>.Invalid(errors);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = PlanMapper.ToEntity(json, resolve, now, now.Year);
        plan.OwnerAgencyId = ownerAgencyId;
        await PlanBatchWriter.SaveAsync(db, plan, ct);
        return Outcome<int>.Ok(plan.Id);
    }

    public async Task<Outcome<Guid>> UpdateAsync(int planId, Guid expectedVersion, PlanInput input, CancellationToken ct = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Outcome<Guid>.NotFound();
        if (plan.Version != expectedVersion) return Outcome<Guid>.Conflict(plan.Version, PlanConflictMessage);
        var errors = Validate(input);
        if (errors is not null) return Outcome<Guid>.Invalid(errors);
        Apply(plan, input);
        db.Entry(plan).Property(p => p.Version).OriginalValue = expectedVersion;
        plan.Version = Guid.NewGuid();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Outcome<Guid>.Conflict(Guid.Empty, PlanConflictMessage); }
        return Outcome<Guid>.Ok(plan.Version);
    }

    public async Task<Outcome<int>> SaveAreaAsync(int planId, int? areaId, string code, string title, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > Limits.Code) return Outcome<int>.Invalid("Code", $"Hãy nhập số hiệu lĩnh vực (tối đa {Limits.Code} ký tự), ví dụ \"I\".");
        if (string.IsNullOrWhiteSpace(title) || title.Length > Limits.Text) return Outcome<int>.Invalid("Title", "Hãy nhập tên lĩnh vực.");
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Outcome<int>.NotFound();
        PlanArea? area;
        if (areaId is int id)
        {
            area = await db.PlanAreas.FirstOrDefaultAsync(a => a.Id == id && a.PlanId == planId, ct);
            if (area is null) return Outcome<int>.NotFound();
        }
        else
        {
            var order = await db.PlanAreas.Where(a => a.PlanId == planId).Select(a => (int?)a.Order).MaxAsync(ct) ?? -1;
            area = new PlanArea { PlanId = planId, Order = order + 1 };
            db.PlanAreas.Add(area);
        }
        area.Code = code.Trim();
        area.Title = title.Trim();
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(area.Id);
    }

    public async Task<Outcome<int>> SaveTargetAsync(int planId, int? targetId, string? code, int? areaId, string text,
        IReadOnlyList<MeasureInput> measures, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > Limits.LongText) return Outcome<int>.Invalid("Text", "Hãy nhập nội dung chỉ tiêu.");
        if (code?.Length > Limits.Code) return Outcome<int>.Invalid("Code", $"Số hiệu dài quá {Limits.Code} ký tự.");
        foreach (var m in measures)
        {
            if (!ComparatorList.Contains(m.Comparator)) return Outcome<int>.Invalid("Measures", "Phép so sánh của chỉ số không hợp lệ; hãy chọn trong danh sách.");
            if (m.Level is not null && !LevelList.Contains(m.Level)) return Outcome<int>.Invalid("Measures", "Cấp của chỉ số không hợp lệ; hãy chọn tỉnh, huyện, xã hoặc để trống.");
        }
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Outcome<int>.NotFound();
        if (areaId is int a && !await db.PlanAreas.AnyAsync(x => x.Id == a && x.PlanId == planId, ct))
            return Outcome<int>.Invalid("AreaId", "Lĩnh vực đã chọn không thuộc kế hoạch này.");
        PlanTarget? target;
        if (targetId is int id)
        {
            target = await db.PlanTargets.Include(t => t.Measures).FirstOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct);
            if (target is null) return Outcome<int>.NotFound();
        }
        else
        {
            var order = await db.PlanTargets.Where(t => t.PlanId == planId).Select(t => (int?)t.Order).MaxAsync(ct) ?? -1;
            target = new PlanTarget { PlanId = planId, Order = order + 1 };
            db.PlanTargets.Add(target);
        }
        target.Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        target.AreaId = areaId;
        target.Text = text.Trim();
        target.Version = Guid.NewGuid();
        target.Measures.Clear();
        target.Measures.AddRange(measures.Select(m => new TargetMeasure { Level = m.Level, Comparator = m.Comparator, Value = m.Value, Unit = string.IsNullOrWhiteSpace(m.Unit) ? null : m.Unit.Trim() }));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(target.Id);
    }

    public async Task<Outcome<int>> SaveTaskAsync(int planId, int? taskId, string? code, int? areaId, string text, string? targetCodes, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > Limits.LongText) return Outcome<int>.Invalid("Text", "Hãy nhập nội dung nhiệm vụ.");
        if (code?.Length > Limits.Code) return Outcome<int>.Invalid("Code", $"Số hiệu dài quá {Limits.Code} ký tự.");
        if (targetCodes?.Length > Limits.Name) return Outcome<int>.Invalid("TargetCodes", "Danh sách mã chỉ tiêu dài quá.");
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Outcome<int>.NotFound();
        if (areaId is int a && !await db.PlanAreas.AnyAsync(x => x.Id == a && x.PlanId == planId, ct))
            return Outcome<int>.Invalid("AreaId", "Lĩnh vực đã chọn không thuộc kế hoạch này.");
        PlanTask? task;
        if (taskId is int id)
        {
            task = await db.PlanTasks.FirstOrDefaultAsync(t => t.Id == id && t.PlanId == planId, ct);
            if (task is null) return Outcome<int>.NotFound();
        }
        else
        {
            var order = await db.PlanTasks.Where(t => t.PlanId == planId).Select(t => (int?)t.Order).MaxAsync(ct) ?? -1;
            task = new PlanTask { PlanId = planId, Order = order + 1 };
            db.PlanTasks.Add(task);
        }
        task.Code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        task.AreaId = areaId;
        task.Text = text.Trim();
        task.TargetCodes = string.Join(",", PlanMapper.SplitCodes(targetCodes ?? ""));
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(task.Id);
    }

    /// <summary>Deletes a plan whatever its state (an abandoned import's draft); <see cref="DeleteDraftAsync"/> is the users' delete.</summary>
    public async Task<Outcome<int>> DeletePlanAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Outcome<int>.NotFound();
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(planId);
    }

    /// <summary>
    /// Deletes a draft plan with everything in it (a wrong import is one click from gone). An issued plan is
    /// refused (it is withdrawn instead), and so is a plan other plans were made from. Audited by the save.
    /// </summary>
    public async Task<Outcome<int>> DeleteDraftAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Outcome<int>.NotFound();
        if (plan.Status != PlanStatus.Draft)
            return Outcome<int>.Invalid("Status", "Chỉ xóa được kế hoạch dự thảo; kế hoạch đã ban hành cần được thu hồi.");
        if (await db.Plans.AnyAsync(p => p.ParentPlanId == planId, ct))
            return Outcome<int>.Invalid("Status", "Đã có kế hoạch của cơ quan được lập từ dự thảo này; hãy xóa các kế hoạch đó trước.");
        var activities = await db.Activities.CountAsync(a => a.PlanId == planId, ct);
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(activities);
    }

    static void Apply(Plan plan, PlanInput input)
    {
        plan.Title = input.Title.Trim();
        plan.Number = Blank(input.Number);
        plan.DocumentType = Blank(input.DocumentType);
        plan.Issuer = Blank(input.Issuer);
        plan.Place = Blank(input.Place);
        plan.IssuedOn = input.IssuedOn;
        plan.Signer = Blank(input.Signer);
        plan.FromYear = input.FromYear;
        plan.ToYear = input.ToYear;
        plan.DepartmentPlanDeadline = input.DepartmentPlanDeadline;
        plan.CentralPlanDeadline = input.CentralPlanDeadline;
        plan.CommunePlanDeadline = input.CommunePlanDeadline;
    }

    static Dictionary<string, string>? Validate(PlanInput input)
    {
        var e = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title)) e["Title"] = "Hãy nhập tên kế hoạch.";
        else if (input.Title.Length > Limits.Text) e["Title"] = "Tên kế hoạch dài quá; hãy rút gọn.";
        if (input.Number?.Length > Limits.ShortText) e["Number"] = "Số hiệu dài quá.";
        if (input.DocumentType?.Length > Limits.ShortText) e["DocumentType"] = "Loại văn bản dài quá.";
        if (input.Issuer?.Length > Limits.Name) e["Issuer"] = "Cơ quan ban hành dài quá.";
        if (input.Place?.Length > Limits.ShortText) e["Place"] = "Địa danh dài quá.";
        if (input.Signer?.Length > Limits.Name) e["Signer"] = "Tên người ký dài quá.";
        if (input.FromYear is < 2000 or > 2100) e["FromYear"] = "Năm bắt đầu phải trong khoảng 2000–2100.";
        if (input.ToYear < input.FromYear || input.ToYear > 2100) e["ToYear"] = "Năm kết thúc phải từ năm bắt đầu đến 2100.";
        return e.Count == 0 ? null : e;
    }

    /// <summary>Shape rules for plan JSON coming in (API or import), keyed by the JSON path of each problem. The
    /// messages themselves never name JSON fields: the import page shows them to people who never see the JSON.</summary>
    public static Dictionary<string, string>? ValidateJson(PlanJson json, bool requireTitle = false)
    {
        var e = new Dictionary<string, string>();
        if (json.Schema != "partrack.plan/v1") e["schema"] = "Trường schema phải là \"partrack.plan/v1\".";
        // Size first: a plan past the limits is refused before anything else is looked at (PlansApi.MaxActivities says why).
        if (json.Activities.Count > PlansApi.MaxActivities)
            e["activities"] = $"Kế hoạch có {json.Activities.Count:N0} hoạt động, quá giới hạn {PlansApi.MaxActivities:N0}. Hãy chia thành nhiều kế hoạch.";
        if (json.Targets.Count > PlansApi.MaxTargets) e["targets"] = $"Kế hoạch có quá {PlansApi.MaxTargets:N0} chỉ tiêu. Hãy chia thành nhiều kế hoạch.";
        if (json.Tasks.Count > PlansApi.MaxTasks) e["tasks"] = $"Kế hoạch có quá {PlansApi.MaxTasks:N0} nhiệm vụ. Hãy chia thành nhiều kế hoạch.";
        if (json.Areas.Count > PlansApi.MaxAreas) e["areas"] = $"Kế hoạch có quá {PlansApi.MaxAreas} lĩnh vực.";
        if (e.Keys.Any(k => k != "schema")) return e;
        var d = json.Document;
        if (d.Title is not null && string.IsNullOrWhiteSpace(d.Title) || requireTitle && d.Title is null)
            e["document.title"] = "Hãy nhập tên kế hoạch.";
        if (d.FromYear is < 2000 or > 2100) e["document.fromYear"] = "Năm bắt đầu phải trong khoảng 2000–2100.";
        if (d.ToYear is < 2000 or > 2100 || (d.ToYear < d.FromYear)) e["document.toYear"] = "Năm kết thúc phải từ năm bắt đầu đến 2100.";
        if (d.FromYear is null && d.ToYear is null) e["document.fromYear"] = "Thiếu năm của kế hoạch: hãy nhập năm bắt đầu.";
        if (d.Title?.Length > Limits.Text) e["document.title"] = "Tên kế hoạch dài quá.";
        if (d.Number?.Length > Limits.ShortText) e["document.number"] = "Số hiệu dài quá.";
        var areaCodes = json.Areas.Select(a => a.Code).ToHashSet();
        for (var i = 0; i < json.Areas.Count; i++)
            if (string.IsNullOrWhiteSpace(json.Areas[i].Code) || json.Areas[i].Code.Length > Limits.Code) e[$"areas[{i}].code"] = "Lĩnh vực thiếu số hiệu hoặc số hiệu dài quá.";
        for (var i = 0; i < json.Targets.Count; i++)
        {
            var t = json.Targets[i];
            if (string.IsNullOrWhiteSpace(t.Text)) e[$"targets[{i}].text"] = "Chỉ tiêu thiếu nội dung.";
            if (t.Area is not null && !areaCodes.Contains(t.Area)) e[$"targets[{i}].area"] = $"Không có lĩnh vực \"{t.Area}\" trong kế hoạch.";
            for (var j = 0; j < t.Measures.Count; j++)
                if (!ComparatorList.Contains(t.Measures[j].Comparator)) e[$"targets[{i}].measures[{j}].comparator"] = "Phép so sánh không hợp lệ.";
        }
        for (var i = 0; i < json.Tasks.Count; i++)
        {
            var t = json.Tasks[i];
            if (string.IsNullOrWhiteSpace(t.Text)) e[$"tasks[{i}].text"] = "Nhiệm vụ thiếu nội dung.";
            if (t.Area is not null && !areaCodes.Contains(t.Area)) e[$"tasks[{i}].area"] = $"Không có lĩnh vực \"{t.Area}\" trong kế hoạch.";
        }
        for (var i = 0; i < json.Activities.Count; i++)
        {
            var a = json.Activities[i];
            if (string.IsNullOrWhiteSpace(a.Text)) e[$"activities[{i}].text"] = "Hoạt động thiếu nội dung.";
            if (a.Area is not null && !areaCodes.Contains(a.Area)) e[$"activities[{i}].area"] = $"Không có lĩnh vực \"{a.Area}\" trong kế hoạch.";
            if (a.Due is null || !ActivityEditing.DueKindList.Contains(a.Due.Kind)) e[$"activities[{i}].due.kind"] = "Loại thời hạn không hợp lệ.";
            if (a.Code?.Length > Limits.Code) e[$"activities[{i}].code"] = "Số hiệu dài quá.";
        }
        return e.Count == 0 ? null : e;
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
