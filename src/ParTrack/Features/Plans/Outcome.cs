namespace ParTrack.Features.Plans;

public enum OutcomeKind { Ok, NotFound, Forbidden, Conflict, Invalid }

/// <summary>
/// An expected result of a plan command. Failures are values: pages turn them into form messages,
/// the API into problem details. Messages are Vietnamese, for the user.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, string? Message = null,
    IReadOnlyDictionary<string, string>? Errors = null)
{
    public bool IsOk => Kind == OutcomeKind.Ok;
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, Message: "Không tìm thấy mục này; có thể nó đã bị xóa.");
    public static Outcome<T> Forbidden() => new(OutcomeKind.Forbidden, Message: "Bạn không có quyền sửa kế hoạch này.");
    public static Outcome<T> Conflict(T current, string message) => new(OutcomeKind.Conflict, current, message);
    public static Outcome<T> Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, Message: message, Errors: new Dictionary<string, string> { [field] = message });
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(OutcomeKind.Invalid, Message: errors.Values.First(), Errors: errors);
}
