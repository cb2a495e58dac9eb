using Microsoft.AspNetCore.Mvc.ModelBinding;
using ParTrack.Data;

namespace ParTrack.Features.Shared;

/// <summary>The one place an API turns a failed <see cref="Outcome{T}"/> into problem details (through <see cref="ApiProblems"/>).</summary>
public static class OutcomeProblems
{
    /// <summary>
    /// 404, 403, 409 (with the current version), 400 with field errors, 423 for a locked step.
    /// <paramref name="versionOf"/> reads the stored version from a conflict's value when it is neither a
    /// <see cref="Guid"/> nor an <see cref="IVersioned"/> entity.
    /// </summary>
    public static IResult ToProblem<T>(this Outcome<T> outcome, Func<T, Guid?>? versionOf = null) => outcome.Kind switch
    {
        OutcomeKind.NotFound => ApiProblems.NotFound(outcome.Message ?? Outcome<T>.NotFoundMessage),
        OutcomeKind.Forbidden => ApiProblems.Forbidden(outcome.Message ?? Outcome<T>.ForbiddenMessage),
        OutcomeKind.Conflict => ApiProblems.Conflict(outcome.CurrentVersion ?? VersionOf(outcome.Value, versionOf), outcome.Message),
        OutcomeKind.Invalid => ApiProblems.Invalid((outcome.Errors ?? new Dictionary<string, string>()).Select(e => (e.Key, e.Value)), outcome.Message),
        OutcomeKind.Locked => ApiProblems.Locked(outcome.Message ?? ""),
        _ => throw new InvalidOperationException($"Not a failure: {outcome.Kind}"),
    };

    static Guid? VersionOf<T>(T? value, Func<T, Guid?>? versionOf) => value switch
    {
        null => null,
        Guid g => g == Guid.Empty ? null : g,
        IVersioned v => v.Version,
        _ => versionOf?.Invoke(value),
    };
}

/// <summary>The one place a page turns a failed <see cref="Outcome{T}"/> into form messages.</summary>
public static class OutcomeForms
{
    /// <summary>
    /// Field errors go under <paramref name="prefix"/> + field (e.g. "Input." for a page's bound input) so each shows beside
    /// its field, or under <paramref name="keyOf"/>(field) when the form names it otherwise; any other failure is one
    /// message at the top of the form. <paramref name="translate"/> is the page's localizer (T[...]), so the English
    /// interface shows English.
    /// </summary>
    public static void AddOutcome<T>(this ModelStateDictionary state, Outcome<T> outcome, string prefix = "",
        Func<string, string>? translate = null, Func<string, string>? keyOf = null)
    {
        translate ??= m => m;
        keyOf ??= field => prefix + field;
        if (outcome.Errors is { Count: > 0 } errors)
            foreach (var (field, message) in errors) state.AddModelError(keyOf(field), translate(message));
        else if (!outcome.IsOk) state.AddModelError("", translate(outcome.Message ?? DefaultMessage(outcome.Kind)));
    }

    static string DefaultMessage(OutcomeKind kind) => kind switch
    {
        OutcomeKind.NotFound => Outcome<object>.NotFoundMessage,
        OutcomeKind.Forbidden => Outcome<object>.ForbiddenMessage,
        OutcomeKind.Conflict => ApiExceptionHandler.ConcurrencyMessage,
        _ => ApiProblems.InvalidTitle,
    };
}
