using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>
/// /api/inspection-programmes (the year's programmes and their coverage: coordinators, leaders, appraisers;
/// created by coordinators) and /api/inspection-findings (scoped like the pages: a unit its own findings,
/// a team member the team's; the unit reports the remedy, Sở Nội vụ verifies or returns it).
/// </summary>
public static class InspectionsApi
{
    public sealed record TargetDto(int GroupId, TargetKind Kind, decimal Value);
    public sealed record ProgrammeBody(int Year, string Title, string? LegalBasis, string? ContentAreas, List<InspectionKind>? Kinds,
        string? Checklist, int? RecentYears, int? RemedyDays, int? TargetMeasureId, List<TargetDto>? Targets);
    public sealed record ProgrammeDto(int Id, int Year, string Title, string? LegalBasis, IReadOnlyList<string> ContentAreas,
        IReadOnlyList<InspectionKind> Kinds, int RecentYears, int RemedyDays, int? TargetMeasureId, IReadOnlyList<TargetDto> Targets, Guid Version);
    public sealed record CoverageDto(int GroupId, string Group, int UnitsValid, int Inspected, decimal? Percent, TargetKind? TargetKind,
        decimal? TargetValue, int? Required, bool Met);
    public sealed record CoverageAnswer(int ProgrammeId, DateOnly AsOf, IReadOnlyList<CoverageDto> Groups, int DueRemedies, int VerifiedOnTime, decimal? RemedyRate);
    public sealed record FindingDto(int Id, int InspectionId, int ProgrammeId, int InspectedAgencyId, int ResponsibleAgencyId, string Area,
        string? Criterion, FindingSeverity Severity, string Found, string RequiredRemedy, DateOnly Deadline, RemedyStatus Status, bool Overdue,
        string? RemedyReport, DateOnly? ReportedOn, string? ReturnReason, DateOnly? VerifiedOn, Guid Version);
    public sealed record RemedyBody(string Report, Guid? Version);
    public sealed record VerificationBody(bool Accept, string? Reason, Guid? Version);

    public static void MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        var programmes = app.MapApiGroup("/api/inspection-programmes", "Inspections");
        programmes.MapGet("/", ListAsync).WithSummary("Kế hoạch kiểm tra CCHC (lãnh đạo, thẩm định, điều phối viên)")
            .Produces<List<ProgrammeDto>>();
        programmes.MapPost("/", CreateAsync).RequireAuthorization(Policies.Coordinator).WithSummary("Lập kế hoạch kiểm tra của năm (điều phối viên)")
            .Produces<ProgrammeDto>(201).ProducesCreateProblems();
        programmes.MapGet("/{id:int}", GetAsync).WithSummary("Một kế hoạch kiểm tra").Produces<ProgrammeDto>().ProducesProblem(404);
        programmes.MapGet("/{id:int}/coverage", CoverageAsync).WithSummary("Tỷ lệ kiểm tra theo nhóm so với chỉ tiêu")
            .WithDescription("Đơn vị được tính theo danh mục cơ quan còn hiệu lực vào ngày asOf (mặc định: hôm nay, trong khoảng các đợt kiểm tra).")
            .Produces<CoverageAnswer>().ProducesProblem(404).ProducesProblem(400);

        var findings = app.MapApiGroup("/api/inspection-findings", "Inspections");
        findings.MapGet("/", FindingsAsync).WithSummary("Tồn tại, hạn chế sau kiểm tra và tình trạng khắc phục")
            .WithDescription("Cán bộ cơ quan chỉ thấy của cơ quan mình; thành viên đoàn thấy của đoàn mình.").Produces<List<FindingDto>>()
            .ProducesProblem(400);
        findings.MapPost("/{id:int}/remedy", ReportAsync).RequireAuthorization(Policies.Editor).WithSummary("Đơn vị báo cáo kết quả khắc phục")
            .WithDescription("Phải gửi version đã đọc: thiếu → 428, cũ → 409.").Produces<FindingDto>().ProducesUpdateProblems();
        findings.MapPost("/{id:int}/verification", VerifyAsync).RequireAuthorization(Policies.Coordinator)
            .WithSummary("Sở Nội vụ xác nhận hoặc trả lại kết quả khắc phục (điều phối viên)")
            .WithDescription("accept=false cần lý do. Phải gửi version đã đọc: thiếu → 428, cũ → 409.").Produces<FindingDto>().ProducesUpdateProblems();
    }

    static ProgrammeDto ToDto(InspectionProgramme p) => new(p.Id, p.Year, p.Title, p.LegalBasis, InspectionProgramme.Lines(p.ContentAreas),
        p.KindList(), p.RecentYears, p.RemedyDays, p.TargetMeasureId, p.Targets.Select(t => new TargetDto(t.GroupId, t.Kind, t.Value)).ToList(), p.Version);

    static FindingDto ToDto(InspectionFinding f, DateOnly today) => new(f.Id, f.InspectionId, f.Inspection!.ProgrammeId, f.Inspection.AgencyId,
        f.ResponsibleAgencyId, f.Area, f.Criterion, f.Severity, f.Found, f.RequiredRemedy, f.Deadline, f.Status, Remedies.IsOverdue(f.State, today),
        f.RemedyReport, f.ReportedOn, f.ReturnReason, f.VerifiedOn, f.Version);

    static async Task<IResult> ListAsync(AppDbContext db, InspectionAccess access, CancellationToken ct)
    {
        if (!access.SeesAll) return ApiProblems.Forbidden("Kế hoạch kiểm tra chỉ dành cho Sở Nội vụ, lãnh đạo và thẩm định; cơ quan xem việc kiểm tra của mình ở /api/inspection-findings.");
        var list = await db.Set<InspectionProgramme>().AsNoTracking().Include(p => p.Targets).OrderByDescending(p => p.Year).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    static async Task<IResult> GetAsync(int id, AppDbContext db, InspectionAccess access, CancellationToken ct)
    {
        var p = access.SeesAll ? await db.Set<InspectionProgramme>().AsNoTracking().Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == id, ct) : null;
        return p is null ? ApiProblems.NotFound() : TypedResults.Ok(ToDto(p));
    }

    static async Task<IResult> CreateAsync(ProgrammeBody body, AppDbContext db, Programmes programmes, ProgrammeTargets measures, CancellationToken ct)
    {
        var input = new ProgrammeInput(body.Year, body.Title, body.LegalBasis, body.ContentAreas, body.Kinds, body.Checklist,
            body.RecentYears ?? 2, body.RemedyDays ?? Remedies.DefaultDays, body.TargetMeasureId);
        if (await measures.RefusalAsync(body.Year, body.TargetMeasureId, ct) is { } refused) return PlansApi.Problem(refused);
        var created = await programmes.CreateAsync(input, ct);
        if (created.Value is not { } p) return PlansApi.Problem(created);
        var targets = await programmes.SetTargetsAsync(p, (body.Targets ?? []).Select(t => new TargetInput(t.GroupId, t.Kind, t.Value)).ToList(), ct);
        if (!targets.IsOk) return PlansApi.Problem(targets);
        await db.SaveChangesAsync(ct);
        if (body.TargetMeasureId is int measure) await measures.SetAsync(p, measure, ct);
        return TypedResults.Created($"/api/inspection-programmes/{p.Id}", ToDto(p));
    }

    static async Task<IResult> CoverageAsync(int id, DateOnly? asOf, AppDbContext db, InspectionAccess access, InspectionFigures figures, CancellationToken ct)
    {
        var p = access.SeesAll ? await db.Set<InspectionProgramme>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) : null;
        if (p is null) return ApiProblems.NotFound();
        var f = await figures.OfAsync(p, asOf, ct);
        return TypedResults.Ok(new CoverageAnswer(p.Id, f.AsOf, f.Coverage.Select(c => new CoverageDto(c.GroupId, c.Group, c.Coverage.UnitsValid,
            c.Coverage.Inspected, c.Coverage.Percent, c.Coverage.Target?.Kind, c.Coverage.Target?.Value, c.Coverage.Required, c.Coverage.Met)).ToList(),
            f.RemedyRate.Due, f.RemedyRate.VerifiedOnTime, f.RemedyRate.Percent));
    }

    static async Task<IResult> FindingsAsync(int? programmeId, AppDbContext db, InspectionAccess access, Programmes programmes, CancellationToken ct)
    {
        var query = (await access.VisibleAsync(db.Set<InspectionFinding>().AsNoTracking().Include(f => f.Inspection), ct));
        if (programmeId is int pid) query = query.Where(f => f.Inspection!.ProgrammeId == pid);
        var list = await query.OrderBy(f => f.Deadline).ThenBy(f => f.Id).ToListAsync(ct);
        return TypedResults.Ok(list.Select(f => ToDto(f, programmes.Today)).ToList());
    }

    static async Task<IResult> ReportAsync(int id, RemedyBody body, AppDbContext db, RemedyWork work, InspectionAccess access, Programmes programmes, CancellationToken ct)
    {
        var f = await work.FindAsync(id, ct);
        if (f is null || !await access.CanSeeAsync(f, f.Inspection!, ct)) return ApiProblems.NotFound();
        if (!access.CanReport(f)) return ApiProblems.Forbidden("Chỉ đơn vị chịu trách nhiệm khắc phục mới báo cáo được kết quả.");
        if (ApiProblems.CheckVersion(body.Version, f.Version) is { } stale) return stale;
        var outcome = await work.ReportAsync(f, body.Report, null, ct);
        if (!outcome.IsOk) return PlansApi.Problem(outcome);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(f, programmes.Today));
    }

    static async Task<IResult> VerifyAsync(int id, VerificationBody body, AppDbContext db, RemedyWork work, Programmes programmes, CancellationToken ct)
    {
        var f = await work.FindAsync(id, ct);
        if (f is null) return ApiProblems.NotFound();
        if (ApiProblems.CheckVersion(body.Version, f.Version) is { } stale) return stale;
        var outcome = body.Accept ? work.Verify(f) : work.Return(f, body.Reason);
        if (!outcome.IsOk) return PlansApi.Problem(outcome);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ToDto(f, programmes.Today));
    }
}
