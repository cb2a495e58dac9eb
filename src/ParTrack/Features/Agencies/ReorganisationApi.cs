using ParTrack.Features.Plans;

namespace ParTrack.Features.Agencies;

/// <summary>
/// POST /api/agencies/reorganisations/preview (what would move) and POST /api/agencies/reorganisations
/// (apply): the registry page's merge / split / rename, for coordinators.
/// </summary>
public static class ReorganisationApi
{
    public sealed record AgencyRef(int Id, string Name);
    public sealed record PreviewDto(string Kind, DateOnly EffectiveOn, IReadOnlyList<AgencyRef> From, IReadOnlyList<AgencyRef> To, string? NewName,
        string Summary, IReadOnlyList<OpenWork> Work, IReadOnlyList<MovedAccount> Accounts, IReadOnlyList<ParUnit> ParUnits);
    public sealed record ChangeDto(int Id);

    static PreviewDto ToDto(ReorganisationPreview p) => new(p.Kind.ToString(), p.EffectiveOn,
        p.From.Select(a => new AgencyRef(a.Id, a.Name)).ToList(), p.To.Select(a => new AgencyRef(a.Id, a.Name)).ToList(), p.NewName,
        $"{p.Work.Count} hoạt động, {(p.DeactivateAccounts ? 0 : p.Accounts.Count)} tài khoản, {p.MovingUnits} đơn vị chấm điểm sẽ chuyển sang {p.SuccessorNames} từ ngày {p.EffectiveOn:dd/MM/yyyy}.",
        p.Work, p.Accounts, p.ParUnits);

    public static async Task<IResult> PreviewAsync(ReorganisationInput input, Reorganisation reorganisation, CancellationToken ct)
    {
        var outcome = await reorganisation.PreviewAsync(input, ct);
        return outcome.Value is { } p ? Results.Ok(ToDto(p)) : PlansApi.Problem(outcome);
    }

    public static async Task<IResult> ApplyAsync(ReorganisationInput input, Reorganisation reorganisation, CancellationToken ct)
    {
        var outcome = await reorganisation.ApplyAsync(input, ct);
        return outcome.IsOk ? Results.Created($"/Agencies/Reorganise", new ChangeDto(outcome.Value)) : PlansApi.Problem(outcome);
    }
}
