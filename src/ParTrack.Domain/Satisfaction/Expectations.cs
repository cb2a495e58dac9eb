namespace ParTrack.Domain.Satisfaction;

/// <summary>An option of an expectation question (mong đợi) and the share of respondents who chose it.</summary>
public sealed record ExpectationShare(string Option, int Chosen, decimal Percent);

public static class Expectations
{
    /// <summary>
    /// Share of the respondents who answered the question (chose at least one option) that chose each option,
    /// in the question's option order. Choices beyond <paramref name="maxChoices"/> or not among the options are
    /// ignored (the form enforces the limit; this keeps a hand-entered paper form from counting twice).
    /// </summary>
    public static IReadOnlyList<ExpectationShare> Shares(IReadOnlyList<string> options, int maxChoices, IEnumerable<IReadOnlyCollection<string>> choicesPerRespondent)
    {
        var counts = options.ToDictionary(o => o, _ => 0, StringComparer.Ordinal);
        int respondents = 0;
        foreach (var choices in choicesPerRespondent)
        {
            var valid = choices.Where(counts.ContainsKey).Distinct(StringComparer.Ordinal).Take(Math.Max(maxChoices, 1)).ToList();
            if (valid.Count == 0) continue;
            respondents++;
            foreach (var c in valid) counts[c]++;
        }
        return options.Select(o => new ExpectationShare(o, counts[o], respondents == 0 ? 0 : SatisfactionIndex.Round(100m * counts[o] / respondents))).ToList();
    }
}
