using ParTrack.Features.Accounts;

namespace ParTrack.Features.Shared;

// The points where one module adds to another's page, document or feed. Modules are written in parallel
// and know nothing of each other; each registers its implementations in its own *Setup.cs
// (services.AddScoped<IReportContribution, InspectionReportSection>()) and the owner of the page
// enumerates IEnumerable<T>. Nothing here may depend on a particular module.

/// <summary>The period a generated report covers, for the province (AgencyId null) or one agency.</summary>
public sealed record ReportScope(int PlanId, int Year, DateOnly From, DateOnly To, string PeriodTitle, int? AgencyId = null);

/// <summary>A part of a generated report: a heading, paragraphs and an optional table, in the report's language (Vietnamese).</summary>
public sealed record ReportBlock(string Heading, IReadOnlyList<string> Paragraphs, ReportTable? Table = null);

public sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Where a contributed block goes in the report's usual outline.</summary>
public enum ReportPlace
{
    /// <summary>I.1 Công tác chỉ đạo, điều hành (inspections, communication).</summary>
    Direction,
    /// <summary>After the reform areas, in I (service delivery, satisfaction).</summary>
    Results,
    /// <summary>An annex table after the body.</summary>
    Annex,
}

/// <summary>A module's section in the consolidated (province or agency) report.</summary>
public interface IReportContribution
{
    ReportPlace Place { get; }
    /// <summary>Sorts blocks of the same place.</summary>
    int Order { get; }
    /// <summary>The block for this scope, or null when the module has nothing for it.</summary>
    Task<ReportBlock?> DraftAsync(ReportScope scope, CancellationToken ct);
}

/// <summary>One column of a public table: a Frictionless Table Schema field.</summary>
/// <param name="Type">string | integer | number | date | boolean</param>
public sealed record PublicColumn(string Name, string Type, string Title, string Description);

public sealed record PublicTable(string Title, IReadOnlyList<PublicColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Something a coordinator may publish on the public site, e.g. one month's KPI ranking.</summary>
/// <param name="Key">Stable within its kind, e.g. "2025-09" or a round id: part of public URLs.</param>
public sealed record PublicDatasetItem(string Key, string Label, DateOnly? PeriodEnd = null);

/// <summary>A kind of public dataset. The public site decides what is published; this only reads.</summary>
public interface IPublicDataset
{
    /// <summary>Stable, URL-safe: "plan-progress", "par-index", "kpi-month", "satisfaction", "inspection-coverage".</summary>
    string Kind { get; }
    string Title { get; }
    /// <summary>What could be published now (the coordinator picks among these).</summary>
    Task<IReadOnlyList<PublicDatasetItem>> ItemsAsync(CancellationToken ct);
    /// <summary>The table behind one item. Must contain nothing personal and no unpublished narrative.</summary>
    Task<PublicTable?> ReadAsync(string key, CancellationToken ct);
}

public enum WorkUrgency { Normal, DueSoon, Overdue }

/// <summary>A line of someone's "Việc cần làm" home: what to do, how many, where it is done.</summary>
/// <param name="Group">A heading the home groups items under, e.g. "Kiểm tra CCHC".</param>
public sealed record WorkItem(string Group, string Title, string Url, int Count = 1, DateOnly? Due = null, WorkUrgency Urgency = WorkUrgency.Normal);

/// <summary>A module's items on the signed-in user's to-do home (scope is the module's job).</summary>
public interface IWorkItemSource
{
    Task<IReadOnlyList<WorkItem>> ItemsAsync(CurrentUser user, CancellationToken ct);
}

/// <summary>An indicator a plan's target measure can be bound to, e.g. "kpi:online-rate" or "satisfaction:index".</summary>
public sealed record Indicator(string Key, string Label, string Unit);

/// <summary>A computed value for a bound target measure, with where it came from.</summary>
public sealed record ComputedActual(decimal Value, string Source, DateTimeOffset ComputedAt);

/// <summary>
/// A module that computes target actuals from its data (dossiers, survey answers) instead of agencies typing them.
/// The binding of a measure to an indicator is stored by the target feature; this only computes.
/// </summary>
public interface IIndicatorSource
{
    IReadOnlyList<Indicator> Indicators { get; }
    /// <param name="Level">The measure's level ("province" | "district" | "commune" | null for all).</param>
    /// <param name="AgencyIds">Restrict to these agencies (an agency group), or null for the province.</param>
    Task<ComputedActual?> ActualAsync(string indicatorKey, string? Level, IReadOnlyCollection<int>? AgencyIds, DateOnly from, DateOnly to, CancellationToken ct);
}

/// <summary>A record another module holds about a unit, shown beside a PAR Index criterion as evidence (no upload needed).</summary>
/// <param name="Code">The criterion (or sub-criterion) code it supports, e.g. "1.3.2"; a criterion code shows under each of its sub-criteria.</param>
/// <param name="Kind">What it is, a fixed label the page translates ("Kết luận kiểm tra", "Tồn tại sau kiểm tra").</param>
/// <param name="Title">The record's own words (stored data, not translated).</param>
/// <param name="State">A fixed state label the page translates, e.g. "Đã xác nhận khắc phục" (null: none).</param>
/// <param name="DaysLate">Days past its deadline, when late.</param>
public sealed record LinkedEvidence(string Code, string Kind, string Title, string Url, string? State = null, int? DaysLate = null);

/// <summary>A module's records that support a unit's self-assessment of the year (inspections and their remedies …). Scope is the PAR page's job.</summary>
public interface IAssessmentEvidence
{
    Task<IReadOnlyList<LinkedEvidence>> ForAsync(int agencyId, int year, CancellationToken ct);
}
