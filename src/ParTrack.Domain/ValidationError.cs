namespace ParTrack.Domain;

/// <summary>An expected, user-facing problem: which field, and a Vietnamese message saying what to do.</summary>
public sealed record ValidationError(string Field, string Message);
