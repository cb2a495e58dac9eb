using ParTrack.Features.Agencies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;
using PlanJson = ParTrack.Import.PlanJson;

namespace ParTrack.Features.Plans;

public sealed record PlanSummaryDto(int Id, string Title, string? Number, int FromYear, int ToYear, string Status,
    int? OwnerAgencyId, string? OwnerAgencyName, int? ParentPlanId, int Activities, int UnresolvedNames);

/// <summary>
/// An activity as the API lists it. <see cref="Cancelled"/>: cancelled (hủy) in the issued plan, with when and why; such an
/// activity is no longer tracked (no reports, not in progress figures) but stays listed so a reader sees what was dropped.
/// </summary>
public sealed record ActivityDto(int Id, string? Code, string? Area, string Text, string? Outputs, string? DueText, string DueKind,
    DateOnly? DueStart, DateOnly? DueEnd, string? Budget, string Status, bool Cancelled, DateTime? CancelledAtUtc, string? CancelReason,
    Guid Version, IReadOnlyList<BodyDto> Lead, IReadOnlyList<BodyDto> Support);

public sealed record BodyDto(string Name, int? AgencyId, int? GroupId)
{
    public bool Resolved => AgencyId is not null || GroupId is not null;
}

public sealed record AssignmentsDto(Guid Version, IReadOnlyList<BodyDto> Lead, IReadOnlyList<BodyDto> Support);

/// <summary>An activity's bodies as sent: <see cref="Version"/> is the one read (required, see docs/api.md).</summary>
public sealed record AssignmentsInput(Guid? Version = null, IReadOnlyList<BodyInputDto>? Lead = null, IReadOnlyList<BodyInputDto>? Support = null);

/// <summary>A lead or support body as written, optionally pinned to an agency or a group.</summary>
public sealed record BodyInputDto(string Name, int? AgencyId = null, int? GroupId = null);

/// <summary>The answer to POST /api/plans: the new draft's id and how many names it could not place.</summary>
public sealed record PlanCreatedDto(int Id, int UnresolvedNames);

/// <summary>
/// /api/plans and /api/activities: plan JSON in and out, activities per agency, and an activity's bodies.
/// Same scope as the pages: an officer sees the province plans and its own agency's, edits only its own.
/// </summary>
public static class PlansApi
{
    /// <summary>
    /// Plans above this size are refused. The largest real plans (a province's yearly CCHC plan with its annex) have a
    /// few hundred activities; 5,000 leaves ten times that room while keeping one import to seconds, not minutes
    /// (a 130,000-activity plan held the database for 88 s, issue #19). Targets and tasks scale with activities.
    /// </summary>
    public const int MaxActivities = 5_000, MaxTargets = 2_000, MaxTasks = 2_000, MaxAreas = 200;

    /// <summary>A plan of <see cref="MaxActivities"/> activities as plan JSON is 2–4 MB; 10 MB leaves room for long texts.</summary>
    public const long PlanBodyLimit = 10 * 1024 * 1024;

    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api", "Plans");
        api.MapGet("/plans", ListPlans).WithSummary("Kế hoạch người dùng được xem")
            .WithDescription("Kế hoạch của tỉnh và, với cán bộ cơ quan, kế hoạch của cơ quan mình.");
        api.MapGet("/plans/{id:int}", GetPlan).WithSummary("Một kế hoạch dạng plan JSON (partrack.plan/v1)")
            .Produces<PlanJson>(200, "application/json").ProducesProblem(404);
        api.MapPost("/plans", PostPlan).RequireAuthorization(Policies.Coordinator).WithBodyLimit(PlanBodyLimit)
            .WithSummary("Tạo kế hoạch nháp từ plan JSON (điều phối viên)")
            .WithDescription($"Như trang Nhập kế hoạch: chỉ điều phối viên; kế hoạch của cơ quan được lập bằng cách triển khai từ kế hoạch của tỉnh. " +
                $"Tối đa {MaxActivities:N0} hoạt động, {MaxTargets:N0} chỉ tiêu, {MaxTasks:N0} nhiệm vụ, {MaxAreas} lĩnh vực; nội dung tối đa 10 MB.")
            .Accepts<PlanJson>("application/json").Produces<PlanCreatedDto>(201).ProducesCreateProblems();
        api.MapGet("/plans/{id:int}/activities", ListActivities).WithSummary("Hoạt động của kế hoạch, có thể lọc theo cơ quan")
            .WithDescription("Hoạt động đã hủy trong kế hoạch đã ban hành vẫn có trong danh sách, với cancelled = true, thời điểm (cancelledAtUtc) và lý do hủy (cancelReason).")
            .Produces<List<ActivityDto>>().ProducesProblem(404).ProducesValidationProblem();
        api.MapGet("/activities/{id:int}/assignments", GetAssignments).WithSummary("Cơ quan chủ trì và phối hợp của một hoạt động")
            .Produces<AssignmentsDto>().ProducesProblem(404);
        api.MapPut("/activities/{id:int}/assignments", PutAssignments).RequireAuthorization(Policies.Editor)
            .WithSummary("Sửa cơ quan chủ trì và phối hợp")
            .WithDescription("Phải gửi version đã đọc: thiếu → 428, cũ → 409. Cán bộ cơ quan chỉ sửa kế hoạch của cơ quan mình.")
            .Produces<AssignmentsDto>().ProducesUpdateProblems();
    }

    static async Task<Ok<List<PlanSummaryDto>>> ListPlans(AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var plans = await PlanQueries.ListAsync(db, me.ToViewer(), ct);
        return TypedResults.Ok(plans.Select(p => new PlanSummaryDto(p.Id, p.Title, p.Number, p.FromYear, p.ToYear, p.Status.ToString(),
            p.OwnerAgencyId, p.OwnerAgencyName, p.ParentPlanId, p.ActivityCount, p.UnresolvedCount)).ToList());
    }

    static async Task<IResult> GetPlan(int id, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var plan = await PlanQueries.LoadAsync(db, id, ct);
        if (plan is null || !PlanAccess.CanView(me.ToViewer(), plan.OwnerAgencyId)) return NotFound();
        return PlanJsonResult(plan);
    }

    /// <summary>The contract's JSON exactly (camelCase, readable Vietnamese), as UTF-8.</summary>
    public static IResult PlanJsonResult(Plan plan) =>
        Results.Text(Import.PlanJsonSerializer.Serialize(PlanMapper.ToJson(plan)), "application/json; charset=utf-8", System.Text.Encoding.UTF8);

    static async Task<IResult> PostPlan(HttpRequest request, AppDbContext db, PlanEditing editing, CancellationToken ct)
    {
        var (json, problem) = await ApiBody.ReadAsync<PlanJson>(request, Import.PlanJsonSerializer.Options, ct);
        if (problem is not null) return problem;
        var created = await editing.CreateFromJsonAsync(json!, await new AgencyDirectory(db).ResolverAsync(null, ct), null, ct, requireTitle: true);
        if (!created.IsOk) return Problem(created);
        var unresolved = await db.Activities.Where(x => x.PlanId == created.Value).SelectMany(x => x.Assignments).CountAsync(a => a.AgencyId == null && a.GroupId == null, ct);
        return TypedResults.Created($"/api/plans/{created.Value}", new PlanCreatedDto(created.Value, unresolved));
    }

    static async Task<IResult> ListActivities(int id, int? agencyId, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var plan = await PlanQueries.LoadAsync(db, id, ct);
        if (plan is null || !PlanAccess.CanView(me.ToViewer(), plan.OwnerAgencyId)) return NotFound();
        AgencyMatch? match = null;
        if (agencyId is int a)
        {
            match = await AgencyMatch.LoadAsync(db, a, ct);
            if (match is null) return ApiProblems.Invalid("agencyId", "Không có cơ quan này trong danh mục.");
        }
        var areas = plan.Areas.ToDictionary(x => x.Id, x => x.Code);
        return TypedResults.Ok(plan.Activities.Where(x => match is null || x.Assignments.Any(match.Covers)).OrderBy(x => x.Order)
            .Select(x => ToDto(x, x.AreaId is int ar ? areas[ar] : null)).ToList());
    }

    static async Task<IResult> GetAssignments(int id, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var act = await db.Activities.AsNoTracking().Include(a => a.Assignments).Include(a => a.Plan).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (act is null || !PlanAccess.CanView(me.ToViewer(), act.Plan!.OwnerAgencyId)) return NotFound();
        var dto = ToDto(act, null);
        return TypedResults.Ok(new AssignmentsDto(act.Version, dto.Lead, dto.Support));
    }

    static async Task<IResult> PutAssignments(int id, [FromBody] AssignmentsInput body, AppDbContext db, CurrentUser me, ActivityEditing editing, CancellationToken ct)
    {
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Plan!.OwnerAgencyId, a.Plan.Status, a.Version }).FirstOrDefaultAsync(ct);
        if (activity is null || !PlanAccess.CanView(me.ToViewer(), activity.OwnerAgencyId)) return NotFound();
        if (!PlanAccess.CanEdit(me.ToViewer(), activity.OwnerAgencyId)) return ApiProblems.Forbidden("Bạn không có quyền sửa kế hoạch này.");
        if (!PlanLifecycle.IsFollowed(activity.Status)) return ApiProblems.Forbidden("Kế hoạch đã thu hồi hoặc đã được thay thế; không sửa được nữa.");
        if (ApiProblems.CheckVersion(body.Version, activity.Version) is { } refused) return refused;
        var lead = body.Lead ?? [];
        var support = body.Support ?? [];
        var errors = new List<(string, string)>();
        async Task CheckAsync(IReadOnlyList<BodyInputDto> bodies, string list)
        {
            for (var i = 0; i < bodies.Count; i++)
            {
                var b = bodies[i];
                if (string.IsNullOrWhiteSpace(b.Name)) errors.Add(($"{list}[{i}].name", "Tên cơ quan không được để trống."));
                else if (b.Name.Length > Limits.Name) errors.Add(($"{list}[{i}].name", $"Tên cơ quan dài tối đa {Limits.Name} ký tự."));
                if (b.AgencyId is not null && b.GroupId is not null) errors.Add(($"{list}[{i}]", "Chỉ gắn với một cơ quan hoặc một nhóm, không cả hai."));
                if (b.AgencyId is int a && !await db.Agencies.AnyAsync(x => x.Id == a, ct)) errors.Add(($"{list}[{i}].agencyId", "Không có cơ quan này trong danh mục."));
                if (b.GroupId is int g && !await db.AgencyGroups.AnyAsync(x => x.Id == g, ct)) errors.Add(($"{list}[{i}].groupId", "Không có nhóm cơ quan này."));
            }
        }
        await CheckAsync(lead, "lead");
        await CheckAsync(support, "support");
        if (lead.Count + support.Count > 200) errors.Add(("lead", "Một hoạt động có tối đa 200 cơ quan chủ trì và phối hợp."));
        if (errors.Count > 0) return ApiProblems.Invalid(errors, "Danh sách cơ quan chưa hợp lệ.");

        var result = await editing.UpdateAssignmentsAsync(id, body.Version!.Value,
            lead.Select(b => new BodyInput(b.Name, b.AgencyId, b.GroupId)).ToList(),
            support.Select(b => new BodyInput(b.Name, b.AgencyId, b.GroupId)).ToList(),
            await new AgencyDirectory(db).ResolverAsync(activity.OwnerAgencyId, ct), ct);
        if (!result.IsOk) return Problem(result);
        var v = result.Value!;
        return TypedResults.Ok(new AssignmentsDto(v.Version,
            v.Values.Lead.Select(b => new BodyDto(b.Name, b.AgencyId, b.GroupId)).ToList(),
            v.Values.Support.Select(b => new BodyDto(b.Name, b.AgencyId, b.GroupId)).ToList()));
    }

    static ActivityDto ToDto(Activity a, string? area)
    {
        BodyDto[] Bodies(AssignmentRole role) => a.Assignments.Where(x => x.Role == role).OrderBy(x => x.Order)
            .Select(x => new BodyDto(x.Name, x.AgencyId, x.GroupId)).ToArray();
        return new ActivityDto(a.Id, a.Code, area, a.Text, a.Outputs, a.DueText, a.DueKind, a.DueStart, a.DueEnd, a.Budget,
            a.Status.ToString(), a.CancelledAtUtc is not null, a.CancelledAtUtc, a.CancelReason, a.Version,
            Bodies(AssignmentRole.Lead), Bodies(AssignmentRole.Support));
    }

    static IResult NotFound() => ApiProblems.NotFound("Không tìm thấy kế hoạch hoặc hoạt động này.");

    /// <summary>Kept for its callers: delegates to the one mapping, <see cref="OutcomeProblems.ToProblem{T}"/> (a saved activity carries its version).</summary>
    public static IResult Problem<T>(Outcome<T> outcome) => outcome.Kind == OutcomeKind.NotFound
        ? NotFound()
        : outcome.ToProblem(value => value is SavedActivity a ? a.Version : null);
}
