using ParTrack.Data;

namespace ParTrack.Features.Shared;

public enum OutcomeKind { Ok, NotFound, Forbidden, Conflict, Invalid, Locked }

/// <summary>
/// The expected result of a command in any feature. Failures are values, never exceptions: the API turns them
/// into problem details (<see cref="OutcomeProblems.ToProblem{T}(Outcome{T}, Func{T, Guid?}?)"/>), pages into
/// form messages (<see cref="OutcomeForms.AddOutcome{T}"/>). Messages are Vietnamese, for the user, saying what to do.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value = default, string? Message = null,
    IReadOnlyDictionary<string, string>? Errors = null)
{
    public const string NotFoundMessage = "Không tìm thấy mục này; có thể nó đã bị xóa.";
    public const string ForbiddenMessage = "Bạn không có quyền thực hiện thao tác này.";

    /// <summary>On a conflict, the version stored now, when the value does not carry it (a client re-reads and merges).</summary>
    public Guid? CurrentVersion { get; init; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    /// <summary>Every message of a failure, one per field (for pages that list them above the form); none when ok.</summary>
    public IReadOnlyList<string> Messages => Errors is { Count: > 0 } errors ? errors.Values.ToList() : Message is null ? [] : [Message];

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);
    public static Outcome<T> NotFound(string? message = null) => new(OutcomeKind.NotFound, Message: message ?? NotFoundMessage);
    public static Outcome<T> Forbidden(string? message = null) => new(OutcomeKind.Forbidden, Message: message ?? ForbiddenMessage);

    /// <summary>Someone changed it first; <paramref name="current"/> is what is stored now.</summary>
    public static Outcome<T> Conflict(T current, string message) => new(OutcomeKind.Conflict, current, message);

    /// <summary>A stale version was sent; the stored one is <paramref name="currentVersion"/> (when known).</summary>
    public static Outcome<T> VersionConflict(Guid? currentVersion, string? message = null) =>
        new(OutcomeKind.Conflict, Message: message) { CurrentVersion = currentVersion };

    public static Outcome<T> Invalid(string field, string message) =>
        new(OutcomeKind.Invalid, Message: message, Errors: new Dictionary<string, string> { [field] = message });

    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string> errors) =>
        new(OutcomeKind.Invalid, Message: errors.Values.First(), Errors: errors);

    /// <summary>Several messages may name the same field: they are joined, none is lost.</summary>
    public static Outcome<T> Invalid(IEnumerable<(string Field, string Message)> errors) =>
        Invalid(errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message).Distinct())));

    /// <summary>The thing exists and the user may change it, but not now (a closed step, a submitted report, a published round).</summary>
    public static Outcome<T> Locked(string message) => new(OutcomeKind.Locked, Message: message);

    /// <summary>This failure as the outcome of another command (a failed step fails the whole).</summary>
    public Outcome<TOther> As<TOther>() => IsOk
        ? throw new InvalidOperationException("Only a failure converts; an Ok outcome has a value of its own type.")
        : new(Kind, default, Message, Errors) { CurrentVersion = CurrentVersion };
}
