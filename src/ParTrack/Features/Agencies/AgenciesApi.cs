using Microsoft.AspNetCore.Http.HttpResults;
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
        IReadOnlyList<string> Aliases, IReadOnlyList<int> CurrentMemberIds);

    public static IEndpointRouteBuilder MapAgencyEndpoints(this IEndpointRouteBuilder app)
    {
        var agencies = app.MapGroup("/api/agencies").WithTags("Agencies").RequireAuthorization(Policies.Staff);
        agencies.MapGet("/", ListAsync);
        agencies.MapGet("/{id:int}", GetAsync);
        agencies.MapPost("/", CreateAsync).RequireAuthorization(Policies.Coordinator);
        agencies.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Policies.Coordinator);
        agencies.MapGet("/resolve", ResolveAsync);
        agencies.MapPost("/reorganisations/preview", ReorganisationApi.PreviewAsync).RequireAuthorization(Policies.Coordinator);
        agencies.MapPost("/reorganisations", ReorganisationApi.ApplyAsync).RequireAuthorization(Policies.Coordinator);

        var groups = app.MapGroup("/api/agency-groups").WithTags("Agencies").RequireAuthorization(Policies.Staff);
        groups.MapGet("/", ListGroupsAsync);
        groups.MapPost("/", CreateGroupAsync).RequireAuthorization(Policies.Coordinator);
        groups.MapPut("/{id:int}", UpdateGroupAsync).RequireAuthorization(Policies.Coordinator);
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

    static async Task<Results<Ok<AgencyDto>, NotFound>> GetAsync(int id, AppDbContext db)
    {
        var a = await db.Agencies.AsNoTracking().Include(x => x.Aliases).FirstOrDefaultAsync(x => x.Id == id);
        return a is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(a));
    }

    /// <summary>What a written name resolves to (agency or group), e.g. ?name=Sở TTTT.</summary>
    static async Task<Results<Ok<Resolution>, NotFound>> ResolveAsync(string name, AgencyDirectory directory) =>
        await directory.ResolveAsync(name) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    static async Task<IResult> CreateAsync(AgencyInput input, SaveAgency save, AppDbContext db) =>
        await ToResultAsync(await save.SaveAsync(input, null), db, created: true);

    static async Task<IResult> UpdateAsync(int id, AgencyInput input, SaveAgency save, AppDbContext db) =>
        await ToResultAsync(await save.SaveAsync(input, id), db, created: false);

    static async Task<IResult> ToResultAsync(SaveResult result, AppDbContext db, bool created)
    {
        switch (result)
        {
            case SaveResult.Saved saved:
                var a = await db.Agencies.AsNoTracking().Include(x => x.Aliases).FirstAsync(x => x.Id == saved.Id);
                return created ? TypedResults.Created($"/api/agencies/{a.Id}", ToDto(a)) : TypedResults.Ok(ToDto(a));
            case SaveResult.NotFound:
                return TypedResults.NotFound();
            case SaveResult.Conflict:
                return TypedResults.Problem(ApiExceptionHandler.ConcurrencyMessage, statusCode: StatusCodes.Status409Conflict,
                    title: "Xung đột khi lưu");
            case SaveResult.Invalid invalid:
                return Invalid(invalid);
            default:
                throw new InvalidOperationException();
        }
    }

    static IResult Invalid(SaveResult.Invalid invalid) =>
        TypedResults.ValidationProblem(invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: "Dữ liệu chưa hợp lệ. Sửa các trường được nêu rồi gửi lại.");

    static async Task<Ok<List<GroupDto>>> ListGroupsAsync(AppDbContext db, TimeProvider clock, DateOnly? on)
    {
        var day = on ?? DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync();
        var groups = await db.AgencyGroups.AsNoTracking().Include(g => g.Aliases).OrderBy(g => g.Id).ToListAsync();
        return TypedResults.Ok(groups.Select(g => new GroupDto(g.Id, g.Name, AgencyDirectory.KindsOf(g).ToList(), g.MemberLevel,
            g.Aliases.Select(a => a.Text).ToList(), AgencyDirectory.Members(g, agencies, day).Select(a => a.Id).ToList())).ToList());
    }

    static Task<IResult> CreateGroupAsync(GroupInput input, SaveGroup save, AppDbContext db) => SaveGroupAsync(input, null, save, db);

    static Task<IResult> UpdateGroupAsync(int id, GroupInput input, SaveGroup save, AppDbContext db) => SaveGroupAsync(input, id, save, db);

    static async Task<IResult> SaveGroupAsync(GroupInput input, int? id, SaveGroup save, AppDbContext db)
    {
        var (result, group) = await save.ApplyAsync(input, id);
        if (result is SaveResult.NotFound) return TypedResults.NotFound();
        if (result is SaveResult.Invalid invalid) return Invalid(invalid);
        await db.SaveChangesAsync();
        var dto = new GroupDto(group!.Id, group.Name, AgencyDirectory.KindsOf(group).ToList(), group.MemberLevel,
            group.Aliases.Select(a => a.Text).ToList(), []);
        return id is null ? TypedResults.Created($"/api/agency-groups/{group.Id}", dto) : TypedResults.Ok(dto);
    }
}
