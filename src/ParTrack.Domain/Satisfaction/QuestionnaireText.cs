using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ParTrack.Domain.Satisfaction;

/// <summary>
/// The questionnaire builder's text form: quick to type and to copy, works without JavaScript, one line each.
/// <code>
/// # access [2]: Tiếp cận dịch vụ          a factor: key, weight (default 1), title
/// S s1: Ông/Bà hài lòng về ...?          a satisfaction question (5 levels, in the index)
/// P p1: Nơi tiếp nhận dễ tìm.            a perception statement (agree 1–5)
/// E3 e1: Mong đợi gì nhất? | A | B | C   an expectation: choose up to 3 of the options after "|"
/// </code>
/// </summary>
public static partial class QuestionnaireText
{
    [GeneratedRegex(@"^#\s*(?<key>[A-Za-z0-9_-]{1,20})\s*(\[(?<w>[0-9]+([.,][0-9]+)?)\])?\s*:\s*(?<title>.+)$")]
    private static partial Regex FactorLine();

    [GeneratedRegex(@"^(?<kind>[SPEspe])(?<max>[0-9]{0,2})\s+(?<key>[A-Za-z0-9_-]{1,20})\s*:\s*(?<text>.+)$")]
    private static partial Regex QuestionLine();

    public const int MaxText = 500;

    public sealed record Parsed(Questionnaire Questionnaire, IReadOnlyDictionary<string, decimal> Weights);

    /// <summary>The questionnaire and weights, or the lines that could not be read (Vietnamese, with line numbers).</summary>
    public static (Parsed? Result, IReadOnlyList<string> Errors) Parse(string text)
    {
        var errors = new List<string>();
        var factors = new List<(string Key, string Title, List<Question> Questions)>();
        var weights = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var n = i + 1;
            if (FactorLine().Match(line) is { Success: true } f)
            {
                var key = f.Groups["key"].Value;
                if (factors.Any(x => x.Key == key)) { errors.Add($"Dòng {n}: mã yếu tố \"{key}\" bị trùng."); continue; }
                var w = f.Groups["w"].Success ? decimal.Parse(f.Groups["w"].Value.Replace(',', '.'), CultureInfo.InvariantCulture) : 1m;
                if (w > 100) errors.Add($"Dòng {n}: trọng số phải từ 0 đến 100.");
                weights[key] = w;
                factors.Add((key, Clip(f.Groups["title"].Value), []));
            }
            else if (QuestionLine().Match(line) is { Success: true } q)
            {
                if (factors.Count == 0) { errors.Add($"Dòng {n}: câu hỏi phải nằm dưới một yếu tố (dòng bắt đầu bằng #)."); continue; }
                var kind = char.ToUpperInvariant(q.Groups["kind"].Value[0]) switch { 'S' => QuestionKind.Satisfaction, 'P' => QuestionKind.Perception, _ => QuestionKind.Expectation };
                var parts = q.Groups["text"].Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0) { errors.Add($"Dòng {n}: thiếu nội dung câu hỏi."); continue; }
                if (kind == QuestionKind.Expectation)
                {
                    var max = int.TryParse(q.Groups["max"].Value, out var m) ? m : 1;
                    factors[^1].Questions.Add(new(q.Groups["key"].Value, kind, Clip(parts[0]), parts[1..].Select(Clip).ToList(), max));
                }
                else factors[^1].Questions.Add(new(q.Groups["key"].Value, kind, Clip(string.Join(" | ", parts))));
            }
            else errors.Add($"Dòng {n}: không đọc được \"{Short(line)}\". Dòng yếu tố: \"# mã [trọng số]: Tên\"; câu hỏi: \"S mã: …\", \"P mã: …\" hoặc \"E3 mã: … | lựa chọn | …\".");
        }
        var questionnaire = new Questionnaire(factors.Select(f => new QuestionnaireFactor(f.Key, f.Title, f.Questions)).ToList());
        errors.AddRange(questionnaire.Problems());
        return errors.Count > 0 ? (null, errors) : (new Parsed(questionnaire, weights), errors);
    }

    public static string Format(Questionnaire questionnaire, IReadOnlyDictionary<string, decimal> weights)
    {
        var text = new StringBuilder();
        foreach (var f in questionnaire.Factors)
        {
            var w = weights.TryGetValue(f.Key, out var x) ? x : 1m;
            text.Append("# ").Append(f.Key).Append(w == 1m ? "" : $" [{w.ToString("0.##", CultureInfo.InvariantCulture)}]").Append(": ").AppendLine(f.Title);
            foreach (var q in f.Questions)
                text.AppendLine(q.Kind switch
                {
                    QuestionKind.Satisfaction => $"S {q.Key}: {q.Text}",
                    QuestionKind.Perception => $"P {q.Key}: {q.Text}",
                    _ => $"E{q.MaxChoices} {q.Key}: {q.Text} | {string.Join(" | ", q.Options ?? [])}",
                });
        }
        return text.ToString();
    }

    static string Clip(string s) => s.Trim().Length > MaxText ? s.Trim()[..MaxText] : s.Trim();
    static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
