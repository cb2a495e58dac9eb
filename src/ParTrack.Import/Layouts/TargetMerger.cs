using ParTrack.Import.Layouts.Prose;

namespace ParTrack.Import.Layouts;

/// <summary>
/// "Each goal once": the table's targets, plus the body's targets the table does not restate.
/// When both state a goal with different numbers, keep the table's and warn. Owner: import-prose.
/// Matching works clause by clause, because one body target often holds several goals that the table
/// spreads over rows (000 §II.3.2 = PL III r1.6 + r1.7): a body clause is restated when at least
/// <see cref="Threshold"/> of its content words appear in one clause of a table target of the same
/// area; a body target is dropped only when every clause of it is restated.
/// </summary>
public static class TargetMerger
{
    public const double Threshold = 0.7;

    public static List<PlanTarget> Merge(List<PlanTarget> tableTargets, List<PlanTarget> bodyTargets, List<ImportWarning> warnings)
    {
        var merged = new List<PlanTarget>(tableTargets);
        var tableClauses = tableTargets
            .SelectMany(t => WordMatch.Clauses(t.Text).Select(c => (Target: t, Clause: c, Words: WordMatch.ContentWords(c))))
            .ToList();

        foreach (var body in bodyTargets)
        {
            var clauses = WordMatch.Clauses(body.Text);
            var restated = clauses.Count > 0;
            foreach (var clause in clauses)
            {
                var words = WordMatch.ContentWords(clause);
                var best = tableClauses
                    .Where(t => body.Area is null || t.Target.Area is null || body.Area == t.Target.Area)
                    .Select(t => (t.Target, t.Clause, Score: WordMatch.Coverage(words, t.Words)))
                    .OrderByDescending(t => t.Score)
                    .FirstOrDefault();
                if (best.Target is null || best.Score < Threshold)
                {
                    restated = false;
                    continue;
                }
                WarnIfNumbersDiffer(body, clause, best.Target, best.Clause, warnings);
            }
            if (!restated) merged.Add(body);
        }
        return merged;
    }

    private static void WarnIfNumbersDiffer(PlanTarget body, string bodyClause, PlanTarget table, string tableClause, List<ImportWarning> warnings)
    {
        var bodyNumbers = WordMatch.Quantities(bodyClause);
        var tableNumbers = WordMatch.Quantities(tableClause);
        if (bodyNumbers.Count == 0 || tableNumbers.Count == 0 || bodyNumbers.All(tableNumbers.Contains)) return;

        var bodyAt = $"thân kế hoạch mục {body.Code ?? "(không số)"}";
        var tableAt = $"phụ lục lĩnh vực {table.Area ?? "?"} chỉ tiêu {table.Code ?? "(không số)"}";
        warnings.Add(new ImportWarning(WarningKinds.TargetMismatch, $"{bodyAt}; {tableAt}",
            $"Chỉ tiêu ghi khác nhau: {bodyAt} ghi \"{bodyClause}\" ({string.Join(", ", bodyNumbers)}), " +
            $"{tableAt} ghi \"{tableClause}\" ({string.Join(", ", tableNumbers)}). " +
            "Đã giữ số của phụ lục; hãy kiểm tra với văn bản gốc và sửa nếu cần."));
    }
}
