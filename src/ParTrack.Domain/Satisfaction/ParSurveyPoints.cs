namespace ParTrack.Domain.Satisfaction;

/// <summary>
/// The satisfaction index as a PAR round's survey points (điểm điều tra xã hội học): each survey sub-criterion
/// gets its maximum × the chosen share (the factor it measures, or the whole index). Shown to the coordinator,
/// who confirms before anything is written into the round.
/// </summary>
public static class ParSurveyPoints
{
    public static decimal FromPercent(decimal percent, decimal maxPoints)
    {
        var share = Math.Clamp(percent, 0m, 100m);
        return Math.Round(maxPoints * share / 100m, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The words printed beside the proposed points.</summary>
    public static string Describe(decimal percent, decimal maxPoints) =>
        $"{maxPoints:0.##} × {percent:0.##}% = {FromPercent(percent, maxPoints):0.##}";
}
