namespace ParTrack.Features.Shared;

/// <summary>
/// The one place API failures become problem details (RFC 9457), so every endpoint answers the same
/// shapes with Vietnamese titles: 400 with field errors keyed by the body's JSON path, 404, 403,
/// 409 with the current version, 428 when an update names no version. docs/api.md lists them.
/// </summary>
public static class ApiProblems
{
    public const string InvalidTitle = "Dữ liệu chưa hợp lệ. Sửa các trường được nêu rồi gửi lại.";
    public const string ConflictTitle = "Dữ liệu này vừa được người khác thay đổi. Hãy đọc lại bản mới nhất (currentVersion) rồi gửi lại thay đổi của bạn.";
    public const string VersionRequiredTitle = "Thiếu \"version\": một thao tác sửa phải gửi kèm version của bản ghi đã đọc (lấy từ GET), để không ghi đè thay đổi của người khác.";

    /// <summary>400 with the errors per field; field names become camelCase JSON paths ("Name" → "name").</summary>
    public static IResult Invalid(IEnumerable<(string Field, string Message)> errors, string? title = null) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => JsonPath(e.Field))
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray()),
            title: title ?? InvalidTitle);

    public static IResult Invalid(string field, string message) => Invalid([(field, message)]);

    public static IResult NotFound(string title = "Không tìm thấy mục này; có thể nó đã bị xóa hoặc bạn không được xem.") =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title);

    public static IResult Forbidden(string title = "Bạn không có quyền thực hiện thao tác này.") =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);

    /// <summary>409: the version sent is not the stored one; the answer names the stored one so a client can re-read and merge.</summary>
    public static IResult Conflict(Guid? currentVersion, string? title = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title ?? ConflictTitle,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    /// <summary>423: it exists and may be changed, but not now (a closed step, a submitted report); the title says why.</summary>
    public static IResult Locked(string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status423Locked, title: title);

    /// <summary>428: an update without the version it read (docs/api.md, "Versions").</summary>
    public static IResult VersionRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: VersionRequiredTitle);

    /// <summary>The concurrency rule before an update: null when it may go ahead, else the 428/409 answer.</summary>
    public static IResult? CheckVersion(Guid? sent, Guid current) =>
        sent is null ? VersionRequired() : sent != current ? Conflict(current) : null;

    static string JsonPath(string field) =>
        field.Length > 0 && char.IsUpper(field[0]) ? char.ToLowerInvariant(field[0]) + field[1..] : field;
}
