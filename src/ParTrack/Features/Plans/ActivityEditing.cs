using ParTrack.Features.Agencies;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using DueKinds = ParTrack.Import.DueKinds;

namespace ParTrack.Features.Plans;

/// <summary>A body on an activity: the name as written, and where it points if resolved.</summary>
public sealed record BodyInput(string Name, int? AgencyId = null, int? GroupId = null);

/// <summary>Everything a person can change on an activity.</summary>
public sealed record ActivityInput(
    string? Code, string Text, string? Outputs, int? AreaId, int? TaskId,
    IReadOnlyList<BodyInput> Lead, IReadOnlyList<BodyInput> Support,
    string? DueText, string DueKind, DateOnly? DueStart, DateOnly? DueEnd,
    string? Budget, ActivityStatus Status)
{
    public static ActivityInput From(Activity a) => new(a.Code, a.Text, a.Outputs, a.AreaId, a.TaskId,
        Bodies(a, AssignmentRole.Lead), Bodies(a, AssignmentRole.Support),
        a.DueText, a.DueKind, a.DueStart, a.DueEnd, a.Budget, a.Status);

    static List<BodyInput> Bodies(Activity a, AssignmentRole role) =>
        a.Assignments.Where(x => x.Role == role).OrderBy(x => x.Order)
            .Select(x => new BodyInput(x.Name, x.AgencyId, x.GroupId)).ToList();
}

/// <summary>An activity's values as saved, with the version a later save must name.</summary>
public sealed record SavedActivity(int Id, int PlanId, Guid Version, ActivityInput Values);

/// <summary>
/// Creates and edits activities with optimistic concurrency: a save names the version it started
/// from; if someone saved in between, it is refused and the other person's values come back.
/// </summary>
public sealed class ActivityEditing(AppDbContext db)
{
    public static readonly string[] DueKindList =
        [DueKinds.By, DueKinds.During, DueKinds.Recurring, DueKinds.Continuous, DueKinds.Event, DueKinds.Unknown];

    public const string ConflictMessage =
        "Người khác vừa lưu hoạt động này trước bạn. Nội dung bạn nhập vẫn còn trong biểu mẫu; hãy xem giá trị họ đã lưu, sửa lại nếu cần rồi lưu lần nữa.";

    public async Task<Outcome<SavedActivity>> CreateAsync(int planId, ActivityInput input, ResolveName resolve, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId, ct)) return Outcome<SavedActivity>.NotFound();
        if (await ValidateOnlyAsync(planId, input, ct) is { } invalid) return invalid;
        var activity = NewActivity(planId, input, resolve, await NextOrderAsync(planId, ct));
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return Outcome<SavedActivity>.Ok(Saved(activity));
    }

    /// <summary>The rule check alone, for callers that save through their own unit (the one-time form key).</summary>
    public async Task<Outcome<SavedActivity>?> ValidateOnlyAsync(int planId, ActivityInput input, CancellationToken ct = default) =>
        await ValidateAsync(planId, input, ct) is { } errors ? Outcome<SavedActivity>.Invalid(errors) : null;

    public Activity NewActivity(int planId, ActivityInput input, ResolveName resolve, int order)
    {
        var activity = new Activity { PlanId = planId, Order = order, Version = Guid.NewGuid() };
        Apply(activity, input, resolve);
        return activity;
    }

    public async Task<int> NextOrderAsync(int planId, CancellationToken ct = default) =>
        (await db.Activities.Where(a => a.PlanId == planId).Select(a => (int?)a.Order).MaxAsync(ct) ?? -1) + 1;

    public async Task<Outcome<SavedActivity>> UpdateAsync(int id, Guid expectedVersion, ActivityInput input, ResolveName resolve, CancellationToken ct = default)
    {
        var activity = await db.Activities.Include(a => a.Assignments).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return Outcome<SavedActivity>.NotFound();
        if (activity.Version != expectedVersion)
            return Outcome<SavedActivity>.Conflict(Saved(activity), ConflictMessage);
        var invalid = await ValidateAsync(activity.PlanId, input, ct);
        if (invalid is not null) return Outcome<SavedActivity>.Invalid(invalid);

        Apply(activity, input, resolve);
        // The token the database compares is the one the user started from, so a save that slipped in
        // between this read and our write is caught too.
        db.Entry(activity).Property(a => a.Version).OriginalValue = expectedVersion;
        activity.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Activities.AsNoTracking().Include(a => a.Assignments).FirstOrDefaultAsync(a => a.Id == id, ct);
            return current is null ? Outcome<SavedActivity>.NotFound() : Outcome<SavedActivity>.Conflict(Saved(current), ConflictMessage);
        }
        return Outcome<SavedActivity>.Ok(Saved(activity));
    }

    /// <summary>Replaces only the lead and coordinating bodies (the API's assignments resource).</summary>
    public async Task<Outcome<SavedActivity>> UpdateAssignmentsAsync(int id, Guid expectedVersion,
        IReadOnlyList<BodyInput> lead, IReadOnlyList<BodyInput> support, ResolveName resolve, CancellationToken ct = default)
    {
        var activity = await db.Activities.AsNoTracking().Include(a => a.Assignments).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return Outcome<SavedActivity>.NotFound();
        var input = ActivityInput.From(activity) with { Lead = lead, Support = support };
        return await UpdateAsync(id, expectedVersion, input, resolve, ct);
    }

    /// <summary>Deletes an activity of a draft; an issued plan's activity is cancelled instead (PlanLifecycle), so its reports keep their subject.</summary>
    public async Task<Outcome<SavedActivity>> DeleteAsync(int id, Guid expectedVersion, CancellationToken ct = default)
    {
        var activity = await db.Activities.Include(a => a.Assignments).Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return Outcome<SavedActivity>.NotFound();
        if (activity.Plan!.Status != PlanStatus.Draft)
            return Outcome<SavedActivity>.Invalid("Status", "Chỉ xóa được hoạt động của kế hoạch dự thảo; hoạt động của kế hoạch đã ban hành cần được hủy (ghi lý do).");
        if (activity.Version != expectedVersion) return Outcome<SavedActivity>.Conflict(Saved(activity), ConflictMessage);
        db.Activities.Remove(activity);
        await db.SaveChangesAsync(ct);
        return Outcome<SavedActivity>.Ok(Saved(activity));
    }

    async Task<Dictionary<string, string>?> ValidateAsync(int planId, ActivityInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Text)) errors["Text"] = "Hãy nhập nội dung hoạt động.";
        else if (input.Text.Length > Limits.LongText) errors["Text"] = $"Nội dung hoạt động dài quá {Limits.LongText} ký tự; hãy rút gọn.";
        if (input.Code?.Length > Limits.Code) errors["Code"] = $"Số thứ tự dài quá {Limits.Code} ký tự.";
        if (input.Outputs?.Length > Limits.LongText) errors["Outputs"] = "Kết quả, sản phẩm dài quá; hãy rút gọn.";
        if (input.Budget?.Length > Limits.Text) errors["Budget"] = "Kinh phí dài quá; hãy rút gọn.";
        if (input.DueText?.Length > Limits.Text) errors["DueText"] = "Thời gian hoàn thành dài quá; hãy rút gọn.";
        if (!DueKindList.Contains(input.DueKind)) errors["DueKind"] = "Loại thời hạn không hợp lệ; hãy chọn trong danh sách.";
        if (input.DueStart is DateOnly s && input.DueEnd is DateOnly e && s > e)
            errors["DueEnd"] = "Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.";
        if (input.Lead.Concat(input.Support).Any(b => b.Name.Length > Limits.Text)) errors["Lead"] = "Tên cơ quan dài quá; hãy rút gọn.";
        if (input.AreaId is int area && !await db.PlanAreas.AnyAsync(a => a.Id == area && a.PlanId == planId, ct))
            errors["AreaId"] = "Lĩnh vực đã chọn không thuộc kế hoạch này.";
        if (input.TaskId is int task && !await db.PlanTasks.AnyAsync(t => t.Id == task && t.PlanId == planId, ct))
            errors["TaskId"] = "Nhiệm vụ đã chọn không thuộc kế hoạch này.";
        return errors.Count == 0 ? null : errors;
    }

    static void Apply(Activity a, ActivityInput input, ResolveName resolve)
    {
        a.Code = Blank(input.Code);
        a.Text = input.Text.Trim();
        a.Outputs = Blank(input.Outputs);
        a.AreaId = input.AreaId;
        a.TaskId = input.TaskId;
        a.DueText = Blank(input.DueText);
        a.DueKind = input.DueKind;
        a.DueStart = input.DueStart;
        a.DueEnd = input.DueEnd;
        a.Budget = Blank(input.Budget);
        a.Status = input.Status;

        // Keep the resolution of names that were already there; new names go through the resolver.
        var known = a.Assignments.Where(x => x.IsResolved)
            .GroupBy(x => AliasKey.Of(x.Name)).ToDictionary(g => g.Key, g => new Resolution(g.First().AgencyId, g.First().GroupId, g.First().Name));
        a.Assignments.Clear();
        AddBodies(a, AssignmentRole.Lead, input.Lead, known, resolve);
        AddBodies(a, AssignmentRole.Support, input.Support, known, resolve);
    }

    static void AddBodies(Activity a, AssignmentRole role, IReadOnlyList<BodyInput> bodies,
        Dictionary<string, Resolution> known, ResolveName resolve)
    {
        foreach (var b in bodies)
        {
            var name = b.Name.Trim();
            if (name.Length == 0) continue;
            var hit = b.AgencyId is not null || b.GroupId is not null
                ? new Resolution(b.AgencyId, b.GroupId, name)
                : known.GetValueOrDefault(AliasKey.Of(name)) ?? resolve(name);
            a.Assignments.Add(new Assignment { Role = role, Name = name, AgencyId = hit?.AgencyId, GroupId = hit?.GroupId, Order = a.Assignments.Count });
        }
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static SavedActivity Saved(Activity a) => new(a.Id, a.PlanId, a.Version, ActivityInput.From(a));
}
