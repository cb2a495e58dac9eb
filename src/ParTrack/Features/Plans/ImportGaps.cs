using ParTrack.Data;
using ParTrack.Import;

namespace ParTrack.Features.Plans;

/// <summary>One kind of thing the import left missing, with where it is (activity or target codes, table rows).</summary>
public sealed record ImportGap(string Message, IReadOnlyList<string> Where);

/// <summary>
/// What an imported draft still lacks, counted from the plan as saved (so fixes on the edit pages count
/// at once): activities without a lead body or a deadline, targets without a number, cells the importer
/// could not place, and leads it inferred rather than read. The preview says "no warnings" only when
/// there are none of these and no importer warnings either.
/// </summary>
public static class ImportGaps
{
    public static List<ImportGap> Of(Plan plan, IReadOnlyList<ImportWarning> warnings)
    {
        var gaps = new List<ImportGap>();
        var activities = plan.Activities.OrderBy(a => a.Order).ToList();
        string Label(Activity a) => a.Code ?? $"#{activities.IndexOf(a) + 1}";

        var noLead = activities.Where(a => !a.Assignments.Any(x => x.Role == AssignmentRole.Lead)).Select(Label).ToList();
        if (noLead.Count > 0) gaps.Add(new($"{noLead.Count} hoạt động chưa có cơ quan chủ trì", noLead));
        var noDue = activities.Where(a => a.DueKind == DueKinds.Unknown).Select(Label).ToList();
        if (noDue.Count > 0) gaps.Add(new($"{noDue.Count} hoạt động chưa có thời hạn", noDue));
        var targets = plan.Targets.OrderBy(t => t.Order).ToList();
        var noNumber = targets.Where(t => t.Measures.Count == 0).Select(t => t.Code ?? $"#{targets.IndexOf(t) + 1}").ToList();
        if (noNumber.Count > 0) gaps.Add(new($"{noNumber.Count} chỉ tiêu chưa có số đo", noNumber));
        var unplaced = warnings.Where(w => w.Kind == WarningKinds.UnplacedCell).Select(w => w.Location).ToList();
        if (unplaced.Count > 0) gaps.Add(new($"{unplaced.Count} ô không xếp được vào cột nào", unplaced));
        var inferred = warnings.Where(w => w.Kind == WarningKinds.InferredLead).Select(w => w.Location).ToList();
        if (inferred.Count > 0) gaps.Add(new($"{inferred.Count} cơ quan chủ trì được suy ra từ phần Tổ chức thực hiện, cần kiểm tra", inferred));
        return gaps;
    }
}
