namespace ParTrack.Tests.Architecture;

/// <summary>
/// What each feature offers the others (type names in its namespace); FeatureBoundaryTests refuses any other
/// cross-feature use. Written from the code as it was when the rule came in (issue 18). Keep each list short:
/// services and the records they answer. Entities listed here are tables another feature still reads directly;
/// each is marked, to be replaced by a service call of its owner.
/// </summary>
public static class FeatureSurface
{
    public static readonly IReadOnlyDictionary<string, HashSet<string>> Offered = new Dictionary<string, HashSet<string>>
    {
        // The signed-in user and the scope rule's request side.
        ["Accounts"] = ["CurrentUser"],
        // The registry as plans, dossiers and reporting see it; the sign-in notice of a moved account.
        ["Agencies"] = ["AgencyDirectory", "Resolution", "ResolveName", "MovedAccounts", "AccountNotice", "ChangeKind"],
        // The dossier file reader, shared with the ratings upload.
        ["Dossiers"] = ["FileRow"],
        ["Dashboard"] = ["DashboardCache", "DashboardQuery", "DashboardView", "MeasureProgress", "OverdueActivity"],
        ["MyWork"] = ["MyWorkQuery", "MyWorkView", "WorkItem"],
        ["Notifications"] = ["Reminders", "IMailSender",
            "Notification"],   // entity: Inspections and Reporting add rows; to become an Inbox service call
        ["ParIndex"] = ["IReportEvidenceSource", "ReportFile", "ParResults", "RoundResults", "ResultRow",
            "ParRound", "ParAssessment", "ParCriterionActivity"],   // entities: Publishing, Satisfaction, the reorganisation and plan replacement read them
        ["Plans"] = ["AgencyMatch", "Cascade", "CascadeReport", "KeptUploads", "KeptUpload"],
        ["Reporting"] = ["Obligations", "Obligation", "Progress", "ProgressTotals", "ReportQueries", "ReportState", "ReportPeriod",
            "PlanProgress", "PeriodOverview", "PeriodRow", "AgencyRow", "AgencyTotals", "AreaTotals", "ActivityProgressRow",
            "LaggingAgency", "MeasureAggregation", "MeasureBinding", "MeasureBindings", "TargetWarning", "TargetWarnings",
            "ActivityRisks", "ActivityAtRisk", "AgencyBehind", "Sheet", "SheetRow",
            "Tallies", "TalliedFigures", "OwedAgency"],   // the dashboard reads a period's figures from its tallies
    };
}
