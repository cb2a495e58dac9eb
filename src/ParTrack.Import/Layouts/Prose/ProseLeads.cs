using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts.Prose;

/// <summary>
/// A prose plan names its lead bodies in "Tổ chức thực hiện", per area: "Sở Tư pháp chủ trì thực hiện các
/// nhiệm vụ cải cách thể chế". Each such sentence gives its body to the activities of the area it names
/// that have no lead of their own; every activity so led gets an <see cref="WarningKinds.InferredLead"/>
/// warning, so the preview shows the lead as inferred, to be checked.
/// </summary>
public static partial class ProseLeads
{
    public static List<PlanActivity> Apply(SourceDocument doc, List<PlanArea> areas, List<PlanActivity> activities, List<ImportWarning> warnings)
    {
        var section = doc.Lines.Select(Text.Clean).SkipWhile(l => !Text.Fold(l).Contains("tổ chức thực hiện")).Skip(1).ToList();
        var leads = new Dictionary<string, string>();
        foreach (var sentence in section.SelectMany(l => l.Split(". ")))
        {
            var m = LeadSentence().Match(sentence);
            if (!m.Success) continue;
            var subject = Text.Fold(m.Groups["subject"].Value);
            var area = areas.FirstOrDefault(a => subject.Contains(Text.Fold(a.Title)));
            if (area is not null) leads.TryAdd(area.Code, BodySplitter.Split(m.Groups["body"].Value).FirstOrDefault() ?? m.Groups["body"].Value);
        }
        if (leads.Count == 0) return activities;

        return activities.Select(a =>
        {
            if (a.Lead.Count > 0 || a.Area is null || !leads.TryGetValue(a.Area, out var body)) return a;
            warnings.Add(new ImportWarning(WarningKinds.InferredLead, $"hoạt động {a.Code ?? a.Task ?? a.Text[..Math.Min(30, a.Text.Length)]}",
                $"Cơ quan chủ trì \"{body}\" được suy ra từ phần Tổ chức thực hiện (lĩnh vực {a.Area}); hãy kiểm tra lại."));
            return a with { Lead = [body] };
        }).ToList();
    }

    // "1. Sở Tư pháp chủ trì thực hiện các nhiệm vụ cải cách thể chế", "Sở Nội vụ là cơ quan chủ trì … về cải cách tổ chức bộ máy".
    [GeneratedRegex(@"^(?:[\d.]+\s*|[-+]\s*)?(?<body>\p{Lu}[^,;:]{2,80}?)\s+(?:là cơ quan\s+)?(?:chủ trì|có trách nhiệm chủ trì|được giao chủ trì)\b(?<subject>.+)$")]
    private static partial Regex LeadSentence();
}
