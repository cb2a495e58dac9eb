namespace ParTrack.Import;

/// <summary>What the importer read, plus what it could not place.</summary>
public sealed record ImportResult(PlanJson Plan, IReadOnlyList<ImportWarning> Warnings)
{
    /// <summary>Whether a plan body (tasks, activities) was read, or only the document's header or a summary.</summary>
    public ImportStatus Status { get; init; } = ImportStatus.Plan;
}

public enum ImportStatus
{
    /// <summary>A plan with its tasks or activities.</summary>
    Plan,
    /// <summary>Only the header (number, date, issuer, title) and perhaps targets: a truncated copy or a news summary.</summary>
    NoPlanBody,
}

/// <summary>
/// A problem the importer noticed but could work around. <paramref name="Location"/> says where:
/// "dòng 812", "trang 3", "bảng 1 hàng 14". Messages are Vietnamese, for the coordinator.
/// </summary>
public sealed record ImportWarning(string Kind, string Location, string Message);

public static class WarningKinds
{
    public const string UnplacedCell = "unplacedCell";
    public const string UnparsedDue = "unparsedDue";
    public const string PageBreakJoin = "pageBreakJoin";
    public const string EmptyCell = "emptyCell";
    public const string UnreadTarget = "unreadTarget";
    public const string MissingColumn = "missingColumn";
    public const string TargetMismatch = "targetMismatch";
    public const string DocumentField = "documentField";
    public const string NoPlanBody = "noPlanBody";
    public const string InferredLead = "inferredLead";
}

/// <summary>The document could not be read at all. The message is one Vietnamese sentence.</summary>
public sealed class ImportException(string message) : Exception(message);
