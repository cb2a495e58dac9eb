using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

public sealed record PeriodDto(int Id, int PlanId, int Year, string Kind, string Title, DateOnly DataFrom, DateOnly DataTo, DateOnly Deadline);

public sealed record TotalsDto(int Activities, int Done, int InProgress, int NotStarted, int Overdue, int NotDone, int Percent);

public sealed record AgencyStateDto(int AgencyId, string Agency, string State, int? Percent, string Source);

public sealed record ActivityProgressDto(int ActivityId, string? Code, string Text, int? AreaId, string State, int Percent,
    int AgenciesDone, IReadOnlyList<AgencyStateDto> Agencies);

public sealed record AreaProgressDto(int? AreaId, string Code, string Title, TotalsDto Totals);

public sealed record AgencyProgressDto(int AgencyId, string Agency, TotalsDto Totals);

/// <summary>
/// A period's figures with one page of its activities: <see cref="ActivitiesTotal"/> activities match the filters, this page
/// holds those from <see cref="Offset"/> (at most <see cref="Limit"/>), and <see cref="Next"/> is the relative URL of the
/// next page (null on the last).
/// </summary>
public sealed record PlanProgressDto(PeriodDto Period, DateOnly AsOf, TotalsDto Totals, IReadOnlyList<AreaProgressDto> Areas,
    IReadOnlyList<AgencyProgressDto> Agencies, IReadOnlyList<ActivityProgressDto> Activities,
    int ActivitiesTotal = 0, int Offset = 0, int Limit = 0, string? Next = null);

public sealed record ReportStateDto(int AgencyId, string Agency, int? ReportId, string State, DateTime? FirstSubmittedAtUtc,
    string Timeliness, int DaysLate);

public sealed record ReviewRequest(string? Comment);

public sealed record ReviewResultDto(int ReportId, int PeriodId, int AgencyId, string State, string? Comment);

/// <summary>
/// The progress API for integrations and the public pages: the same figures as the dashboard (Reporting's
/// Progress), periods, who has reported, and the coordinator's accept/return. Scope as on the pages: the
/// province figures and the period overview are not for officers (an officer's report list shows its own row).
/// </summary>
public static class ProgressApi
{
    public static void MapProgressApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api", "Progress");
        api.MapGet("/plans/{planId:int}/progress", GetProgress)
            .WithSummary("A plan's progress in one period")
            .WithDescription("Totals (activities, done, inProgress, notStarted, overdue, notDone), per area, per agency (its own states) and per activity " +
                             "(aggregate state and each owing agency's state, percent and source: Accepted, UnderReview or NotReported). " +
                             "Computed from that period's reports only; the dashboard and the XLSX annex show the same numbers. Not for agency officers. " +
                             "The activities are filtered (areaId; agencyId: those it leads, with only its state; state; q: code or text) and paged: offset (default 0), " +
                             $"limit (default {ProgressFilter.DefaultLimit}, at most {ProgressFilter.MaxLimit}); activitiesTotal counts the matching activities " +
                             "and next is the relative URL of the next page (null on the last). Totals, areas and agencies are always the whole period's.")
            .Produces<PlanProgressDto>().ProducesProblem(403).ProducesProblem(404).ProducesValidationProblem();
        api.MapGet("/periods", GetPeriods)
            .WithSummary("A plan's reporting periods")
            .WithDescription("Ids, kinds (Q1, SixMonths, Q3, Year, AdHoc), data windows and deadlines. Officers see the periodic ones and the ad-hoc requests addressed to their agency.")
            .Produces<List<PeriodDto>>().ProducesProblem(404).ProducesValidationProblem();
        api.MapGet("/reports", GetReports)
            .WithSummary("Each owing agency's report state in a period")
            .WithDescription("State (None, Draft, Submitted, Returned, Accepted), first submission and timeliness. An officer gets only its own agency's row.")
            .Produces<List<ReportStateDto>>().ProducesProblem(404).ProducesValidationProblem();
        api.MapPost("/reports/{periodId:int}/{agencyId:int}/accept", (int periodId, int agencyId, ReviewRequest? body, ReportWork work, AppDbContext db, CurrentUser me, CancellationToken ct) =>
                ReviewAsync(periodId, agencyId, accept: true, body, work, db, me, ct))
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Accept a submitted report (coordinator)")
            .WithDescription("Body { \"comment\" } (optional). 409 when the report is not waiting for review.")
            .Produces<ReviewResultDto>().ProducesProblem(404).ProducesProblem(409).ProducesCreateProblems();
        api.MapPost("/reports/{periodId:int}/{agencyId:int}/return", (int periodId, int agencyId, ReviewRequest? body, ReportWork work, AppDbContext db, CurrentUser me, CancellationToken ct) =>
                ReviewAsync(periodId, agencyId, accept: false, body, work, db, me, ct))
            .RequireAuthorization(Policies.Coordinator)
            .WithSummary("Return a submitted report for correction (coordinator)")
            .WithDescription("Body { \"comment\" }: required, what the agency must fix. 409 when the report is not waiting for review.")
            .Produces<ReviewResultDto>().ProducesProblem(404).ProducesProblem(409).ProducesCreateProblems();
    }

    static async Task<IResult> GetProgress(int planId, int? periodId,
        [Description("Only the activities of this area of the plan.")] int? areaId,
        [Description("Only the activities this agency leads in the period, each listing only this agency's state.")] int? agencyId,
        [Description("Only the activities in this state: NotStarted, InProgress, Done, DoneLate, NotDone or Overdue.")] string? state,
        [Description("Only the activities whose code or text contains this (case and spacing ignored).")] string? q,
        [Description("How many matching activities to skip (default 0).")] int? offset,
        [Description("How many activities in this page (default 500, at most 1000).")] int? limit,
        HttpRequest request, ProgressPages pages, CurrentUser me, CancellationToken ct)
    {
        if (me.IsOfficer) return Results.Problem(statusCode: 403, title: "Số liệu toàn tỉnh dành cho Sở Nội vụ và lãnh đạo; cơ quan xem báo cáo của mình.");
        var (filter, errors) = ProgressFilterOf(periodId, areaId, agencyId, state, q, offset, limit);
        if (errors.Count > 0) return Results.ValidationProblem(errors);
        var read = await pages.ReadAsync(planId, periodId!.Value, filter, ct);
        if (read.Kind == OutcomeKind.NotFound) return NotFound();
        if (!read.IsOk) return read.ToProblem();
        var (f, activities, total) = read.Value!;
        return TypedResults.Ok(new PlanProgressDto(ToDto(f.Period!), f.AsOf, ToDto(f.Totals),
            f.Areas.Select(a => new AreaProgressDto(a.AreaId, a.Code, a.Title, ToDto(a.Totals))).ToList(),
            f.Agencies.Select(a => new AgencyProgressDto(a.AgencyId, a.Name, ToDto(a.Totals))).ToList(),
            activities.Select(a => new ActivityProgressDto(a.ActivityId, a.Code, a.Text, a.AreaId, a.State.ToString(), a.Percent, a.AgenciesDone,
                a.Agencies.Select(s => new AgencyStateDto(s.AgencyId, s.AgencyName, s.State.ToString(), s.Percent, s.Source.ToString())).ToList())).ToList(),
            total, filter.Offset, filter.Limit, NextPage(request, filter, total)));
    }

    /// <summary>The query's filter and page, or a Vietnamese message per bad parameter (all of them at once).</summary>
    static (ProgressFilter Filter, Dictionary<string, string[]> Errors) ProgressFilterOf(int? periodId, int? areaId, int? agencyId, string? state,
        string? q, int? offset, int? limit)
    {
        var errors = new Dictionary<string, string[]>();
        if (periodId is null) errors["periodId"] = ["Hãy chọn kỳ báo cáo (periodId)."];
        if (offset < 0) errors["offset"] = ["offset là số hoạt động bỏ qua: từ 0 trở lên."];
        if (limit is < 1 or > ProgressFilter.MaxLimit) errors["limit"] = [$"limit là số hoạt động mỗi trang: từ 1 đến {ProgressFilter.MaxLimit}."];
        var states = Enum.GetValues<Domain.Activities.ActivityStatus>();
        Domain.Activities.ActivityStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            // Names only: Enum.TryParse would also take "3" or "Done, Overdue".
            foreach (var s in states)
                if (string.Equals(s.ToString(), state.Trim(), StringComparison.OrdinalIgnoreCase)) wanted = s;
            if (wanted is null) errors["state"] = [$"Trạng thái (state) không hợp lệ; dùng một trong: {string.Join(", ", states)}."];
        }
        return (new ProgressFilter(areaId, agencyId, wanted, q, offset ?? 0, limit ?? ProgressFilter.DefaultLimit), errors);
    }

    /// <summary>The same request from the next page's first activity (relative, with the caller's other parameters); null on the last page.</summary>
    static string? NextPage(HttpRequest request, ProgressFilter filter, int total)
    {
        if (filter.Offset + filter.Limit >= total) return null;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        query["offset"] = (filter.Offset + filter.Limit).ToString(CultureInfo.InvariantCulture);
        query["limit"] = filter.Limit.ToString(CultureInfo.InvariantCulture);
        return $"{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }

    static async Task<IResult> GetPeriods(int planId, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.Id == planId && p.OwnerAgencyId == null, ct)) return NotFound();
        var asked = me.IsOfficer
            ? await db.Set<ReportRequestAgency>().Where(r => r.AgencyId == me.AgencyId).Select(r => r.PeriodId).ToListAsync(ct)
            : null;
        var periods = await db.Set<ReportPeriod>().AsNoTracking().Where(p => p.PlanId == planId).OrderBy(p => p.Deadline).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(periods.Where(p => asked is null || p.Kind != ReportingPeriodKind.AdHoc || asked.Contains(p.Id)).Select(Dto).ToList());
    }

    static async Task<IResult> GetReports(int periodId, ReportQueries queries, AppDbContext db, CurrentUser me, CancellationToken ct)
    {
        var overview = await queries.OverviewAsync(periodId, ct);
        if (overview is null) return NotFound();
        return TypedResults.Ok(overview.Agencies.Where(a => me.CanSeeAgency(a.AgencyId))
            .Select(a => new ReportStateDto(a.AgencyId, a.AgencyName, a.ReportId, a.State?.ToString() ?? "None", a.SubmittedAtUtc,
                a.Timeliness.Kind.ToString(), a.Timeliness.DaysLate)).ToList());
    }

    static async Task<IResult> ReviewAsync(int periodId, int agencyId, bool accept, ReviewRequest? body, ReportWork work, AppDbContext db,
        CurrentUser me, CancellationToken ct)
    {
        var report = await db.Set<AgencyReport>().AsNoTracking().Where(r => r.PeriodId == periodId && r.AgencyId == agencyId)
            .Select(r => new { r.Id, r.State, r.Version }).FirstOrDefaultAsync(ct);
        if (report is null) return Results.Problem(statusCode: 404, title: "Cơ quan này chưa có báo cáo trong kỳ.");
        if (report.State != ReportState.Submitted)
            return Results.Problem(statusCode: 409, title: "Chỉ xem xét được báo cáo đã gửi và đang chờ xem xét.",
                extensions: new Dictionary<string, object?> { ["state"] = report.State.ToString() });
        var result = await work.ReviewAsync(report.Id, report.Version, accept, body?.Comment, new Dictionary<int, string?>(), me.UserName, ct);
        if (result.Kind is OutcomeKind.Conflict or OutcomeKind.Forbidden)
            return Results.Problem(statusCode: 409, title: result.Message ?? ReportWork.StaleMessage);
        if (!result.IsOk) return PlansApi.Problem(result);
        var r = result.Value!;
        return TypedResults.Ok(new ReviewResultDto(r.Id, r.PeriodId, r.AgencyId, r.State.ToString(), r.ReviewComment));
    }

    static PeriodDto Dto(ReportPeriod p) => new(p.Id, p.PlanId, p.Year, p.Kind.ToString(), p.Title, p.DataFrom, p.DataTo, p.Deadline);
    static PeriodDto ToDto(PeriodRow p) => new(p.Id, p.PlanId, p.Year, p.Kind.ToString(), p.Title, p.DataFrom, p.DataTo, p.Deadline);
    static TotalsDto ToDto(ProgressTotals t) => new(t.Activities, t.Done, t.InProgress, t.NotStarted, t.Overdue, t.NotDone, t.Percent);
    static IResult NotFound() => Results.Problem(statusCode: 404, title: "Không tìm thấy kế hoạch hoặc kỳ báo cáo này.");
}
