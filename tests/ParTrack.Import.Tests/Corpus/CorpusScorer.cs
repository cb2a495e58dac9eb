using System.Globalization;
using System.Text;

namespace ParTrack.Import.Tests.Corpus;

/// <summary>One rendition's scores per field, 0..1; null when the field has nothing to score in this plan.</summary>
public sealed record CorpusScore(string Plan, string Rendition, double? Targets, double? Measures, double? Tasks, double? Activities,
    double? Lead, double? Support, double? Due, double Document, string? Error)
{
    /// <summary>The mean of the scored fields.</summary>
    public double Overall
    {
        get
        {
            var all = new[] { Targets, Measures, Tasks, Activities, Lead, Support, Due, Document }.OfType<double>().ToList();
            return all.Count == 0 ? 0 : all.Average();
        }
    }
}

/// <summary>
/// Scores what the importer read against a hand-written plan JSON, field by field:
/// targets, tasks and activities as F1 over items matched by their words (same words in any case and
/// spacing, or at least 80 % of the words shared); measures, lead, support and due over the matched
/// items (exact, bodies as sets); document fields as the share of the nine fields read right.
/// </summary>
public static class CorpusScorer
{
    public static CorpusScore Score(string plan, string rendition, PlanJson expected, PlanJson? actual, string? error = null)
    {
        actual ??= new PlanJson();
        var targets = Match(expected.Targets, actual.Targets, t => t.Text);
        var tasks = Match(expected.Tasks, actual.Tasks, t => t.Text);
        var activities = Match(expected.Activities, actual.Activities, a => a.Text);

        double? Over<T>(List<(T E, T A)> pairs, Func<T, T, bool> same, bool any) =>
            !any ? null : pairs.Count == 0 ? 0 : pairs.Count(p => same(p.E, p.A)) / (double)Math.Max(pairs.Count, 1) * F1Weight(pairs.Count, CountOf(expected, typeof(T)));

        var anyMeasures = expected.Targets.Any(t => t.Measures.Count > 0);
        var anyLead = expected.Activities.Any(a => a.Lead.Count > 0);
        var anySupport = expected.Activities.Any(a => a.Support.Count > 0);
        var anyDue = expected.Activities.Any(a => a.Due.Kind != DueKinds.Unknown);

        return new CorpusScore(plan, rendition,
            F1(expected.Targets.Count, actual.Targets.Count, targets.Count),
            Over(targets, (e, a) => SameMeasures(e.Measures, a.Measures), anyMeasures),
            F1(expected.Tasks.Count, actual.Tasks.Count, tasks.Count),
            F1(expected.Activities.Count, actual.Activities.Count, activities.Count),
            Over(activities, (e, a) => SameBodies(e.Lead, a.Lead), anyLead),
            Over(activities, (e, a) => SameBodies(e.Support, a.Support), anySupport),
            Over(activities, (e, a) => e.Due.Kind == a.Due.Kind && e.Due.Start == a.Due.Start && e.Due.End == a.Due.End, anyDue),
            DocumentScore(expected.Document, actual.Document), error);
    }

    static int CountOf(PlanJson p, Type t) => t == typeof(PlanTarget) ? p.Targets.Count : p.Activities.Count;

    // Lead, support, due and measures of the matched items, scaled by the share of expected items that
    // matched at all: a reader that finds one activity of twenty and gets its lead right scores 0.05.
    static double F1Weight(int matched, int expected) => expected == 0 ? 1 : matched / (double)expected;

    static double? F1(int expected, int actual, int matched)
    {
        if (expected == 0 && actual == 0) return null;
        if (matched == 0) return 0;
        var precision = matched / (double)actual;
        var recall = matched / (double)expected;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>Pairs each expected item with the best unused actual item whose words match.</summary>
    static List<(T E, T A)> Match<T>(List<T> expected, List<T> actual, Func<T, string> text)
    {
        var used = new bool[actual.Count];
        var pairs = new List<(T, T)>();
        foreach (var e in expected)
        {
            var words = Words(text(e));
            var best = -1;
            var bestScore = 0.0;
            for (var i = 0; i < actual.Count; i++)
            {
                if (used[i]) continue;
                var s = Similarity(words, Words(text(actual[i])));
                if (s > bestScore) (best, bestScore) = (i, s);
            }
            if (best < 0 || bestScore < 0.8) continue;
            used[best] = true;
            pairs.Add((e, actual[best]));
        }
        return pairs;
    }

    static double Similarity(List<string> a, List<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Intersect(b).Count();
        return common / (double)Math.Max(a.Distinct().Count(), b.Distinct().Count());
    }

    static List<string> Words(string? s) =>
        Normal(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ';', ':')).Where(w => w.Length > 0).ToList();

    static string Normal(string? s) =>
        string.Join(' ', (s ?? "").Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("vi-VN"))
            .Replace("hoá", "hóa").Split((char[])[' ', '\n', '\t', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');

    static bool SameBodies(List<string> e, List<string> a) =>
        e.Select(Normal).Order().SequenceEqual(a.Select(Normal).Order());

    static bool SameMeasures(List<Measure> e, List<Measure> a) =>
        e.Count == a.Count && e.Zip(a).All(p => p.First.Comparator == p.Second.Comparator && p.First.Value == p.Second.Value
            && Normal(p.First.Unit) == Normal(p.Second.Unit) && p.First.Level == p.Second.Level);

    static double DocumentScore(PlanDocumentInfo e, PlanDocumentInfo a)
    {
        var same = new[]
        {
            e.Number == a.Number, e.Type == a.Type, Normal(e.Issuer) == Normal(a.Issuer), e.Place == a.Place,
            e.IssuedOn == a.IssuedOn, e.Signer == a.Signer, Normal(e.Title) == Normal(a.Title), e.FromYear == a.FromYear, e.ToYear == a.ToYear,
        };
        return same.Count(x => x) / (double)same.Length;
    }

    /// <summary>The scores as a Markdown table, one row per rendition, and a mean row per rendition kind.</summary>
    public static string Table(IReadOnlyList<CorpusScore> scores)
    {
        static string F(double? v) => v is double d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "–";
        var sb = new StringBuilder();
        sb.AppendLine("| plan | rendition | targets F1 | measures | tasks F1 | activities F1 | lead | support | due | document | overall |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in scores)
            sb.AppendLine($"| {s.Plan} | {s.Rendition} | {F(s.Targets)} | {F(s.Measures)} | {F(s.Tasks)} | {F(s.Activities)} | {F(s.Lead)} | {F(s.Support)} | {F(s.Due)} | {F(s.Document)} | {F(s.Overall)}{(s.Error is null ? "" : " ⚠")} |");
        foreach (var g in scores.GroupBy(s => s.Rendition))
            sb.AppendLine($"| **mean** | {g.Key} | | | | | | | | | **{F(g.Average(s => s.Overall))}** |");
        return sb.ToString();
    }
}
