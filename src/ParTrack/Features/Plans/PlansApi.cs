using ParTrack.Features.Agencies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using PlanJson = ParTrack.Import.PlanJson;

namespace ParTrack.Features.Plans;

public sealed record PlanSummaryDto(int Id, string Title, string? Number, int FromYear, int ToYear, string Status,
    int? OwnerAgencyId, string? OwnerAgencyName, int? ParentPlanId, int Activities, int UnresolvedNames);

public sealed record ActivityDto(int Id, string? Code, string? Area, string Text, string? Outputs, string? DueText, string DueKind,
    DateOnly? DueStart, DateOnly? DueEnd, string? Budget, string Status, Guid Version,
    IReadOnlyList<BodyDto> Lead, IReadOnlyList<BodyDto> Support);

public sealed record BodyDto(string Name, int? AgencyId, int? GroupId)
{
    public bool Resolved => AgencyId is not null || GroupId is not null;
}

public sealed record AssignmentsDto(Guid Version, IReadOnlyList<BodyDto> Lead, IReadOnlyList<BodyDto> Support);

/// <summary>
/// /api/plans and /api/activities: plan JSON in and out, activities per agency, and an activity's bodies.
/// Same scope as the pages: an officer sees the province plans and its own agency's, edits only its own.
/// </summary>
public static class PlansApi
{
    public static void MapPlansApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Staff).WithTags("Plans");
        api.MapGet("/plans", ListPlans);
        api.MapGet("/plans/{id:int}", GetPlan);
        api.MapPost("/plans", PostPlan).RequireAuthorization(Policies.Editor);
        api.MapGet("/plans/{id:int}/activities", ListActivities);
        api.MapGet("/activities/{id:int}/assignments", GetAssignments);
        api.MapPut("/activities/{id:int}/assignments", PutAssignments).RequireAuthorization(Policies.Editor);
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

    static async Task<IResult> PostPlan(HttpRequest request, AppDbContext db, CurrentUser me, PlanEditing editing, CancellationToken ct)
    {
        PlanJson? json;
        try
        {
            json = await request.ReadFromJsonAsync<PlanJson>(Import.PlanJsonSerializer.Options, ct);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"JSON không hợp lệ: {ex.Path ?? "gốc"}. Hãy gửi kế hoạch theo dạng partrack.plan/v1."] },
                title: "Dữ liệu gửi lên không hợp lệ.");
        }
        if (json is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Thiếu nội dung kế hoạch (JSON)."] }, title: "Dữ liệu gửi lên không hợp lệ.");
        // An officer's upload becomes its own agency's draft; coordinators create province plans.
        var owner = me.IsOfficer ? me.AgencyId : null;
        var created = await editing.CreateFromJsonAsync(json, await new AgencyDirectory(db).ResolverAsync(owner, ct), owner, ct);
        if (!created.IsOk) return Problem(created);
        var plan = await PlanQueries.LoadAsync(db, created.Value, ct);
        return Results.Created($"/api/plans/{created.Value}", new { id = created.Value, unresolvedNames = plan!.Activities.SelectMany(a => a.Assignments).Count(x => !x.IsResolved) });
    }

    static async Task<IResult> ListActivities(int id, int? agencyId, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var plan = await PlanQueries.LoadAsync(db, id, ct);
        if (plan is null || !PlanAccess.CanView(me.ToViewer(), plan.OwnerAgencyId)) return NotFound();
        AgencyMatch? match = null;
        if (agencyId is int a)
        {
            match = await AgencyMatch.LoadAsync(db, a, ct);
            if (match is null) return Results.ValidationProblem(new Dictionary<string, string[]> { ["agencyId"] = ["Không có cơ quan này trong danh mục."] });
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

    static async Task<IResult> PutAssignments(int id, AssignmentsDto body, AppDbContext db, CurrentUser me, ActivityEditing editing, CancellationToken ct)
    {
        var owner = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Plan!.OwnerAgencyId }).FirstOrDefaultAsync(ct);
        if (owner is null || !PlanAccess.CanView(me.ToViewer(), owner.OwnerAgencyId)) return NotFound();
        if (!PlanAccess.CanEdit(me.ToViewer(), owner.OwnerAgencyId)) return Results.Problem(statusCode: 403, title: "Bạn không có quyền sửa kế hoạch này.");
        var errors = new Dictionary<string, string[]>();
        foreach (var (b, i) in (body.Lead ?? []).Concat(body.Support ?? []).Select((b, i) => (b, i)))
        {
            if (string.IsNullOrWhiteSpace(b.Name)) errors[$"bodies[{i}].name"] = ["Tên cơ quan không được để trống."];
            if (b.AgencyId is not null && b.GroupId is not null) errors[$"bodies[{i}]"] = ["Chỉ gắn với một cơ quan hoặc một nhóm, không cả hai."];
            if (b.AgencyId is int a && !await db.Agencies.AnyAsync(x => x.Id == a, ct)) errors[$"bodies[{i}].agencyId"] = ["Không có cơ quan này trong danh mục."];
            if (b.GroupId is int g && !await db.AgencyGroups.AnyAsync(x => x.Id == g, ct)) errors[$"bodies[{i}].groupId"] = ["Không có nhóm cơ quan này."];
        }
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Danh sách cơ quan chưa hợp lệ.");

        var result = await editing.UpdateAssignmentsAsync(id, body.Version,
            (body.Lead ?? []).Select(b => new BodyInput(b.Name, b.AgencyId, b.GroupId)).ToList(),
            (body.Support ?? []).Select(b => new BodyInput(b.Name, b.AgencyId, b.GroupId)).ToList(),
            await new AgencyDirectory(db).ResolverAsync(owner.OwnerAgencyId, ct), ct);
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
            a.Status.ToString(), a.Version, Bodies(AssignmentRole.Lead), Bodies(AssignmentRole.Support));
    }

    static IResult NotFound() => Results.Problem(statusCode: 404, title: "Không tìm thấy kế hoạch hoặc hoạt động này.");

    /// <summary>The one place plan outcomes become problem details.</summary>
    public static IResult Problem<T>(Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.NotFound => NotFound(),
        OutcomeKind.Forbidden => Results.Problem(statusCode: 403, title: outcome.Message),
        OutcomeKind.Conflict => Results.Problem(statusCode: 409, title: outcome.Message,
            extensions: new Dictionary<string, object?> { ["current"] = outcome.Value }),
        OutcomeKind.Invalid => Results.ValidationProblem(
            (outcome.Errors ?? new Dictionary<string, string>()).ToDictionary(e => e.Key, e => new[] { e.Value }), title: outcome.Message),
        _ => Results.Problem(statusCode: 500),
    };
}
