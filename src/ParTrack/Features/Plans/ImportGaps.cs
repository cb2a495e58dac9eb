using ParTrack.Data;
using ParTrack.Import;

namespace ParTrack.Features.Plans;

/// <summary>Where a gap is: an activity or target code (with the anchor of its row in the preview's table), or a table cell.</summary>
public sealed record GapPlace(string Label, string? Anchor = null);

/// <summary>One kind of thing the import left missing: a text with {0} for the count (translated as a format), and where.</summary>
public sealed record ImportGap(string Format, IReadOnlyList<GapPlace> Where)
{
    public string Message => string.Format(Format, Where.Count);
}

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
        GapPlace Place(Activity a) => new(a.Code ?? $"#{activities.IndexOf(a) + 1}", $"a{a.Id}");
        void Add(string format, List<GapPlace> where) { if (where.Count > 0) gaps.Add(new(format, where)); }

        Add("{0} hoạt động chưa có cơ quan chủ trì", activities.Where(a => !a.Assignments.Any(x => x.Role == AssignmentRole.Lead)).Select(Place).ToList());
        Add("{0} hoạt động chưa có thời hạn", activities.Where(a => a.DueKind == DueKinds.Unknown).Select(Place).ToList());
        var targets = plan.Targets.OrderBy(t => t.Order).ToList();
        Add("{0} chỉ tiêu chưa có số đo", targets.Where(t => t.Measures.Count == 0)
            .Select(t => new GapPlace(t.Code ?? $"#{targets.IndexOf(t) + 1}", $"t{t.Id}")).ToList());
        Add("{0} ô không xếp được vào cột nào", warnings.Where(w => w.Kind == WarningKinds.UnplacedCell).Select(w => new GapPlace(w.Location)).ToList());
        Add("{0} cơ quan chủ trì được suy ra từ phần Tổ chức thực hiện, cần kiểm tra",
            warnings.Where(w => w.Kind == WarningKinds.InferredLead).Select(w => new GapPlace(w.Location)).ToList());
        return gaps;
    }
}
