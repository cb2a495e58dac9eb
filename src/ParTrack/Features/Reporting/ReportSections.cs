using ParTrack.Domain.Reporting;

namespace ParTrack.Features.Reporting;

/// <summary>
/// The report form cut into the parts people work through (issue 10: a 30,000-pixel page with the review at its end):
/// one section per reform area of the activities the agency leads, then the activities it coordinates, the targets and
/// the narrative. Each section knows its entries (with their index in the posted form) and how many are answered.
/// </summary>
public sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportSection.Row> Rows, bool Leads)
{
    /// <param name="Index">The entry's position in the form's Entries[i] fields.</param>
    public sealed record Row(ReportEntry Entry, int Index);

    public int Answered => Rows.Count(r => SubmitSummary.IsAnswered(r.Entry));
    public int Commented => Rows.Count(r => r.Entry.ReviewComment is not null);

    public const string TargetsId = "sec-targets";
    public const string NarrativeId = "sec-narrative";

    /// <summary>The activity sections, in the order the page shows them (entries already ordered: leads by area, then the rest).</summary>
    public static List<ReportSection> Of(AgencyReport report)
    {
        var rows = report.Entries.Select((e, i) => new Row(e, i)).ToList();
        var sections = rows.Where(r => r.Entry.Leads)
            .GroupBy(r => r.Entry.Activity!.Area?.Id)
            .Select(g => g.First().Entry.Activity!.Area is { } area
                ? new ReportSection($"sec-area-{area.Id}", $"{area.Code}. {area.Title}", g.ToList(), Leads: true)
                : new ReportSection("sec-area-none", "Hoạt động khác", g.ToList(), Leads: true))
            .ToList();
        var supports = rows.Where(r => !r.Entry.Leads).ToList();
        if (supports.Count > 0)
            sections.Add(new ReportSection("sec-coordinated", "Hoạt động phối hợp (đóng góp cho cơ quan chủ trì)", supports, Leads: false));
        return sections;
    }
}

/// <summary>One activity row of the report page (the _ReportEntry partial's model).</summary>
public sealed record ReportEntryRow(ReportModel Page, ReportEntry Entry, int Index, bool Editable, bool Review);

/// <summary>The targets table of the report page (the _ReportTargets partial's model).</summary>
public sealed record ReportTargetsView(ReportModel Page, bool Editable);
