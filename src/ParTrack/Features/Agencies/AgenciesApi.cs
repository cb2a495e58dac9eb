using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Agencies;

/// <summary>/api/agencies and /api/agency-groups: read for staff, write for coordinators.</summary>
public static class AgenciesApi
{
    public sealed record AgencyDto(int Id, string Name, string? ShortName, AgencyKind Kind, AdminLevel Level, int? ParentId,
        DateOnly? ValidFrom, DateOnly? ValidTo, int? SuccessorId, IReadOnlyList<string> Aliases, Guid Version);

    public sealed record GroupDto(int Id, string Name, IReadOnlyList<AgencyKind> MemberKinds, AdminLevel? MemberLevel,
        IReadOnlyList<string> Aliases, IReadOnlyList<int> CurrentMemberIds, Guid Version);

    public static IEndpointRouteBuilder MapAgencyEndpoints(this IEndpointRouteBuilder app)
    {
        var agencies = app.MapApiGroup("/api/agencies", "Agencies");
        agencies.MapGet("/", ListAsync).WithSummary("Danh mục cơ quan")
            .WithDescription("Lọc theo tên (q, không phân biệt hoa thường và dấu câu), loại, cấp và ngày còn hiệu lực (currentOn).")
            .ProducesProblem(400);
        agencies.MapGet("/{id:int}", GetAsync).WithSummary("Một cơ quan").Produces<AgencyDto>().ProducesProblem(404);
        agencies.MapPost("/", CreateAsync).RequireAuthorization(Policies.Coordinator).WithSummary("Thêm cơ quan (điều phối viên)")
            .Produces<AgencyDto>(201).ProducesCreateProblems();
        agencies.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Policies.Coordinator).WithSummary("Sửa cơ quan (điều phối viên)")
            .WithDescription("Thay toàn bộ cơ quan (tên gọi khác không gửi sẽ bị xóa). Phải gửi version đã đọc: thiếu → 428, cũ → 409.")
            .Produces<AgencyDto>().ProducesUpdateProblems();
        agencies.MapGet("/resolve", ResolveAsync).WithSummary("Một tên viết trong văn bản chỉ cơ quan hay nhóm nào").Produces<Resolution>()
            .ProducesProblem(404).ProducesValidationProblem();
        agencies.MapPost("/reorganisations/preview", ReorganisationApi.PreviewAsync).RequireAuthorization(Policies.Coordinator)
            .WithSummary("Xem trước một lần sắp xếp tổ chức (điều phối viên)")
            .Produces<ReorganisationApi.PreviewDto>().ProducesProblem(404).ProducesProblem(409).ProducesCreateProblems();
        agencies.MapPost("/reorganisations", ReorganisationApi.ApplyAsync).RequireAuthorization(Policies.Coordinator)
            .WithSummary("Sáp nhập, chia tách hoặc đổi tên cơ quan (điều phối viên)")
            .Produces<ReorganisationApi.ChangeDto>(201).ProducesProblem(404).ProducesProblem(409).ProducesCreateProblems();

        var groups = app.MapApiGroup("/api/agency-groups", "Agencies");
        groups.MapGet("/", ListGroupsAsync).WithSummary("Nhóm cơ quan và thành viên hiện tại")
            .WithDescription("Thành viên tính theo ngày on (mặc định hôm nay).").ProducesProblem(400);
        groups.MapPost("/", CreateGroupAsync).RequireAuthorization(Policies.Coordinator).WithSummary("Thêm nhóm (điều phối viên)")
            .Produces<GroupDto>(201).ProducesCreateProblems();
        groups.MapPut("/{id:int}", UpdateGroupAsync).RequireAuthorization(Policies.Coordinator).WithSummary("Sửa nhóm (điều phối viên)")
            .WithDescription("Phải gửi version đã đọc: thiếu → 428, cũ → 409.")
            .Produces<GroupDto>().ProducesUpdateProblems();
        return app;
    }

    static AgencyDto ToDto(Agency a) => new(a.Id, a.Name, a.ShortName, a.Kind, a.Level, a.ParentId, a.ValidFrom, a.ValidTo,
        a.SuccessorId, a.Aliases.Select(x => x.Text).ToList(), a.Version);

    static async Task<Ok<List<AgencyDto>>> ListAsync(AppDbContext db, string? q, AgencyKind? kind, AdminLevel? level, DateOnly? currentOn)
    {
        var query = db.Agencies.AsNoTracking().Include(a => a.Aliases).AsQueryable();
        if (kind is { } k) query = query.Where(a => a.Kind == k);
        if (level is { } l) query = query.Where(a => a.Level == l);
        if (currentOn is { } day) query = query.Where(a => (a.ValidFrom == null || a.ValidFrom <= day) && (a.ValidTo == null || a.ValidTo >= day));
        var list = await query.OrderBy(a => a.Id).ToListAsync();
        if (AliasKey.Of(q) is { Length: > 0 } key)
            list = list.Where(a => AliasKey.Of(a.Name).Contains(key) || AliasKey.Of(a.ShortName).Contains(key)
                || a.Aliases.Any(x => x.Key.Contains(key))).ToList();
        return TypedResults.Ok(list.Select(ToDto).ToList());
    }

    static async Task<IResult> GetAsync(int id, AppDbContext db)
    {
        var a = await db.Agencies.AsNoTracking().Include(x => x.Aliases).FirstOrDefaultAsync(x => x.Id == id);
        return a is null ? NotFound() : TypedResults.Ok(ToDto(a));
    }

    static IResult NotFound() => ApiProblems.NotFound("Không có cơ quan hoặc nhóm này trong danh mục.");

    /// <summary>What a written name resolves to (agency or group), e.g. ?name=Sở TTTT.</summary>
    static async Task<IResult> ResolveAsync(string name, AgencyDirectory directory) =>
        string.IsNullOrWhiteSpace(name) ? ApiProblems.Invalid("name", "Hãy nhập tên cần tra.")
        : await directory.ResolveAsync(name) is { } r ? TypedResults.Ok(r) : ApiProblems.NotFound("Tên này chưa gắn với cơ quan hay nhóm nào.");

    static async Task<IResult> CreateAsync([FromBody] AgencyInput input, SaveAgency save, AppDbContext db) =>
        await ToResultAsync(await save.SaveAsync(input, null), db, created: true);

    static async Task<IResult> UpdateAsync(int id, [FromBody] AgencyInput input, SaveAgency save, AppDbContext db)
    {
        var current = await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.Version).FirstOrDefaultAsync();
        if (current is null) return NotFound();
        if (ApiProblems.CheckVersion(input.Version, current.Value) is { } refused) return refused;
        return await ToResultAsync(await save.SaveAsync(input, id), db, created: false);
    }

    static async Task<IResult> ToResultAsync(Outcome<int> result, AppDbContext db, bool created)
    {
        if (result.Kind == OutcomeKind.NotFound) return NotFound();
        if (!result.IsOk) return result.ToProblem();
        var a = await db.Agencies.AsNoTracking().Include(x => x.Aliases).FirstAsync(x => x.Id == result.Value);
        return created ? TypedResults.Created($"/api/agencies/{a.Id}", ToDto(a)) : TypedResults.Ok(ToDto(a));
    }

    static async Task<Ok<List<GroupDto>>> ListGroupsAsync(AppDbContext db, TimeProvider clock, DateOnly? on)
    {
        var day = on ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync();
        var groups = await db.AgencyGroups.AsNoTracking().Include(g => g.Aliases).OrderBy(g => g.Id).ToListAsync();
        return TypedResults.Ok(groups.Select(g => ToDto(g, AgencyDirectory.Members(g, agencies, day).Select(a => a.Id).ToList())).ToList());
    }

    static GroupDto ToDto(AgencyGroup g, IReadOnlyList<int> members) => new(g.Id, g.Name, AgencyDirectory.KindsOf(g).ToList(), g.MemberLevel,
        g.Aliases.Select(a => a.Text).ToList(), members, g.Version);

    static Task<IResult> CreateGroupAsync([FromBody] GroupInput input, SaveGroup save, AppDbContext db, TimeProvider clock) =>
        SaveGroupAsync(input, null, save, db, clock);

    static async Task<IResult> UpdateGroupAsync(int id, [FromBody] GroupInput input, SaveGroup save, AppDbContext db, TimeProvider clock)
    {
        var current = await db.AgencyGroups.AsNoTracking().Where(g => g.Id == id).Select(g => (Guid?)g.Version).FirstOrDefaultAsync();
        if (current is null) return NotFound();
        if (ApiProblems.CheckVersion(input.Version, current.Value) is { } refused) return refused;
        return await SaveGroupAsync(input, id, save, db, clock);
    }

    static async Task<IResult> SaveGroupAsync(GroupInput input, int? id, SaveGroup save, AppDbContext db, TimeProvider clock)
    {
        var result = await save.SaveAsync(input, id);
        if (!result.IsOk) return await ToResultAsync(result, db, created: id is null);
        var day = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var group = await db.AgencyGroups.AsNoTracking().Include(g => g.Aliases).FirstAsync(g => g.Id == result.Value);
        var dto = ToDto(group, AgencyDirectory.Members(group, await db.Agencies.AsNoTracking().ToListAsync(), day).Select(a => a.Id).ToList());
        return id is null ? TypedResults.Created($"/api/agency-groups/{group.Id}", dto) : TypedResults.Ok(dto);
    }
}
