using System.Text.RegularExpressions;
using ParTrack.Import.Layouts.Prose;
using ParTrack.Import.Parsing;
using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts;

/// <summary>
/// Reads targets from the body's numbered "chỉ tiêu / mục tiêu" sections and, for a plan without
/// a framework table, its areas, tasks and activities from numbered task sections. Also reads
/// targets from running text (news summaries). Owner: import-prose.
/// Choices:
/// - Area codes are the canonical I–VII (<see cref="AreaCatalog"/>), titles as printed.
/// - A body target's code is its printed numbering qualified by its section, "II.3.1" for 000 §II.3.1,
///   so it cannot collide with the table's "1.x" codes. Unnumbered statements under a numbered
///   heading (003 §II.2.2's bullets) get the heading's number plus a letter in order: "II.2.2.a".
///   Targets read from running text (news) have no code.
/// - Prose tasks keep their printed numbers ("1.1"); statements directly under an area heading
///   (003 §III.4) hang from a task made of that heading, coded with its number ("4").
/// </summary>
public static partial class ProseReader
{
    /// <summary>Targets stated in the body, with the body's numbering.</summary>
    public static List<PlanTarget> ReadBodyTargets(SourceDocument doc, int planYear, List<ImportWarning> warnings)
    {
        var paragraphs = ProseText.Paragraphs(doc.Lines);
        var section = ProseText.FindRomanSection(paragraphs, "CHỈ TIÊU");
        if (section < 0) section = ProseText.FindRomanSection(paragraphs, "MỤC TIÊU");
        if (section >= 0) return ReadTargetSection(paragraphs, section);
        return ReadRunningTextTargets(paragraphs);
    }

    /// <summary>Areas, tasks and activities of a prose plan (no framework table).</summary>
    /// <param name="lastYear">Last year of a multi-year plan (2025 for 2021–2025): "thường xuyên" spans the whole period.</param>
    public static PlanBody ReadProsePlan(SourceDocument doc, int planYear, List<ImportWarning> warnings, int? lastYear = null)
    {
        var paragraphs = ProseText.Paragraphs(doc.Lines);
        var areas = new List<PlanArea>();
        void AddArea(string code, string title)
        {
            if (areas.All(a => a.Code != code)) areas.Add(new PlanArea(code, TrimLabel(title)));
        }

        // Areas named by the target section come first in document order (003 §II.2.1–2.7).
        var targetSection = ProseText.FindRomanSection(paragraphs, "CHỈ TIÊU");
        if (targetSection < 0) targetSection = ProseText.FindRomanSection(paragraphs, "MỤC TIÊU");
        if (targetSection >= 0)
            foreach (var p in ProseText.SectionBody(paragraphs, targetSection).Where(p => p.IsHeading))
                if (AreaCatalog.CodeOf(p.Body) is { } code) AddArea(code, p.Body);

        var tasks = new List<PlanTaskItem>();
        var activities = new List<PlanActivity>();
        var taskSection = ProseText.FindRomanSection(paragraphs, "NHIỆM VỤ");
        if (taskSection >= 0)
            ReadTaskSection(ProseText.SectionBody(paragraphs, taskSection), planYear, lastYear ?? planYear, AddArea, tasks, activities);
        else
            foreach (var (code, title, _) in RunningTextAreas(paragraphs)) AddArea(code, title);

        return new PlanBody(areas, [], tasks, activities);
    }

    private static List<PlanTarget> ReadTargetSection(List<Paragraph> paragraphs, int section)
    {
        var roman = paragraphs[section].Number!;
        var body = ProseText.SectionBody(paragraphs, section);

        // A plan with "1. Mục tiêu chung / 2. Mục tiêu cụ thể" (003): only the specific goals count.
        var specific = body.FindIndex(p => p.Kind == ParagraphKind.Numbered && p.Depth == 1
                                           && p.Body.StartsWith("Mục tiêu cụ thể", StringComparison.OrdinalIgnoreCase));
        if (specific >= 0)
        {
            var end = body.FindIndex(specific + 1, p => p.Kind == ParagraphKind.Numbered && p.Depth == 1);
            body = body.GetRange(specific, (end < 0 ? body.Count : end) - specific);
        }

        var targets = new List<PlanTarget>();
        string? area = null;
        string? heading = null; // numbering of the heading that unnumbered statements hang from
        var letter = 0;
        var lastIsNumbered = false;
        foreach (var p in body)
        {
            if (p.IsHeading)
            {
                if (AreaCatalog.CodeOf(p.Body) is { } code) area = code;
                heading = $"{roman}.{p.Number}";
                letter = 0;
                lastIsNumbered = false;
                continue;
            }
            if (p.Kind == ParagraphKind.Numbered)
            {
                targets.Add(Target($"{roman}.{p.Number}", area, p.Body));
                lastIsNumbered = true;
                continue;
            }
            if (IsLabel(p.Body)) continue; // "Đến năm 2025:" introduces the bullets below it
            if (lastIsNumbered)
            {
                // An unnumbered line under a numbered target continues it (bullets inside 002's 1.x).
                targets[^1] = Target(targets[^1].Code, targets[^1].Area, targets[^1].Text + " " + p.Body);
                continue;
            }
            letter++;
            targets.Add(Target(heading is null ? null : $"{heading}.{(char)('a' + letter - 1)}", area, p.Body));
        }
        return targets;
    }

    private static PlanTarget Target(string? code, string? area, string text)
    {
        var clean = Text.Clean(text);
        return new PlanTarget { Code = code, Area = area, Text = clean, Measures = MeasureParser.Parse(clean) };
    }

    // News (004): paragraphs "Cải cách thể chế: Phấn đấu 100% …; …". Each clause that commits to
    // something (a percentage, "tối thiểu", "phấn đấu", a ranking) is one target of that area.
    private static List<PlanTarget> ReadRunningTextTargets(List<Paragraph> paragraphs)
    {
        var targets = new List<PlanTarget>();
        foreach (var (area, _, rest) in RunningTextAreas(paragraphs))
            foreach (var clause in CommitmentClauses(rest))
                targets.Add(Target(null, area, clause));
        if (targets.Count > 0) return targets;
        foreach (var p in paragraphs)
            foreach (var clause in StrivedClauses(p.Body))
                targets.Add(Target(null, null, clause));
        return targets;
    }

    /// <summary>A news item or a summary states the plan's goals in one sentence: "Theo đó, tỉnh phấn đấu năm
    /// 2023 có 100% thủ tục …; mức độ hài lòng … đạt trên 90%." The words after "phấn đấu" (past a time such
    /// as "năm 2023", "đến hết năm 2025" and a verb "có", "đạt") are the goals, one per clause with a number
    /// read as a measure: "phấn đấu hoàn thành các nhiệm vụ" or "40 chỉ tiêu phấn đấu, …" commit to no value.</summary>
    public static List<string> StrivedClauses(string paragraph)
    {
        var clean = Text.Clean(paragraph);
        var start = StriveLeadIn().Match(clean);
        if (!start.Success) return [];
        var end = SentenceEnd().Match(clean, start.Index + start.Length);
        var sentence = clean[(start.Index + start.Length)..(end.Success ? end.Index : clean.Length)];
        return CommitmentClauses(sentence).Where(c => MeasureParser.Parse(c).Count > 0).ToList();
    }

    private static IEnumerable<(string Code, string Title, string Statement)> RunningTextAreas(List<Paragraph> paragraphs)
    {
        foreach (var p in paragraphs)
        {
            var colon = p.Body.IndexOf(':');
            if (colon <= 0) continue;
            var title = p.Body[..colon].Trim();
            if (title.StartsWith("Về ")) title = title[3..];
            if (title.Split(' ').Length > 14 || AreaCatalog.CodeOf(title) is not { } code) continue;
            yield return (code, title, p.Body[(colon + 1)..].Trim());
        }
    }

    /// <summary>The clauses of running text that commit to a goal.</summary>
    public static List<string> CommitmentClauses(string text)
    {
        var clauses = new List<string>();
        foreach (var part in ClauseBreak().Split(Text.Clean(text)))
        {
            var clause = part.Trim(' ', '.', ';');
            if (clause.Length == 0) continue;
            // "…100% văn bản … được cụ thể hóa; được rà soát …; được kiểm tra …": the passive
            // clauses share the subject of the clause before them.
            if (clauses.Count > 0 && clause.StartsWith("được "))
            {
                clauses[^1] += "; " + clause;
                continue;
            }
            clauses.AddRange(SplitListedGoals(clause));
        }
        return clauses.Where(c => Commitment().IsMatch(c)).Select(Upper).ToList();
    }

    /// <summary>"… đạt 100%, … đạt trên 90% và … đạt 80%": goals listed with commas and "và" are split where
    /// the parts before and after each hold their own measure. Values by level ("cấp tỉnh 100%, cấp huyện
    /// 90%") are one goal: the whole is kept when the measure parser reads levels in it.</summary>
    public static List<string> SplitListedGoals(string clause)
    {
        // Split with the separators kept (odd indexes), so a part that is not split is rebuilt as written.
        var parts = ListBreak().Split(clause);
        // A list of goals is short; a long enumeration (bodies, document names) is never one.
        if (parts.Length < 3 || parts.Length > 2 * MaxListedGoals || MeasureParser.Parse(clause).Any(m => m.Level is not null)) return [clause];
        var goals = new List<string>();
        var current = parts[0];
        var currentHasMeasure = MeasureParser.Parse(parts[0]).Count > 0;
        for (var k = 2; k < parts.Length; k += 2)
        {
            var hasMeasure = MeasureParser.Parse(parts[k]).Count > 0;
            if (currentHasMeasure && hasMeasure)
            {
                goals.Add(current.Trim());
                current = parts[k];
            }
            else
            {
                current += parts[k - 1] + parts[k];
                currentHasMeasure |= hasMeasure;
            }
        }
        goals.Add(current.Trim());
        return goals;
    }

    private const int MaxListedGoals = 8;

    private static string Upper(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static void ReadTaskSection(List<Paragraph> body, int planYear, int lastYear, Action<string, string> addArea,
        List<PlanTaskItem> tasks, List<PlanActivity> activities)
    {
        string? area = null;
        PlanTaskItem? task = null;
        var taskHasActivity = false;

        void CloseTask()
        {
            // A task with no listed activities still yields one, as a framework row with an empty activity cell does.
            if (task is not null && !taskHasActivity) activities.Add(Activity(task, task.Text, planYear, lastYear));
            task = null;
            taskHasActivity = false;
        }

        foreach (var p in body)
        {
            if (p.Kind == ParagraphKind.Numbered && p.Depth == 1)
            {
                CloseTask();
                area = AreaCatalog.CodeOf(p.Body);
                if (area is not null) addArea(area, p.Body);
                // Statements straight under the area heading hang from a task made of the heading.
                task = area is null ? null : new PlanTaskItem { Code = p.Number, Area = area, Text = TrimLabel(p.Body) };
                taskHasActivity = true; // the heading task is listed only if something hangs from it
                continue;
            }
            if (area is null) continue; // a numbered section that is not a reform area
            if (p.Kind == ParagraphKind.Numbered)
            {
                CloseTask();
                task = new PlanTaskItem { Code = p.Number, Area = area, Text = TrimLabel(p.Body) };
                tasks.Add(task);
                continue;
            }
            if (task is null || IsLabel(p.Body)) continue;
            if (!tasks.Contains(task)) tasks.Add(task);
            activities.Add(Activity(task, p.Body, planYear, lastYear));
            taskHasActivity = true;
        }
        CloseTask();
    }

    /// <summary>Prose states timing rarely: "trong năm 2022", "đến quý II/2023", or "Thường xuyên …" opening
    /// the sentence (a "thường xuyên" deep inside names how a sub-step is done, not when the activity runs).
    /// Programme names ("giai đoạn 2021 - 2025") are not timing. Anything else stays unknown.</summary>
    private static PlanActivity Activity(PlanTaskItem task, string text, int planYear, int lastYear)
    {
        var clean = Text.Clean(text);
        var lead = LeadBody().Match(clean);
        var due = DuePhrase().Match(clean);
        var parsed = due.Success ? DueParser.Parse(due.Value, planYear) : Due.Unknown(null);
        var ongoing = OngoingPhrase().Match(clean);
        if (!due.Success && ongoing.Success)
            parsed = new Due(ongoing.Groups["w"].Value, DueKinds.Continuous, new DateOnly(planYear, 1, 1), new DateOnly(lastYear, 12, 31));
        else if (!due.Success && RecurringPhrase().Match(clean) is { Success: true } every)
            parsed = new Due(every.Value, DueKinds.Recurring, new DateOnly(planYear, 1, 1), new DateOnly(lastYear, 12, 31));
        return new PlanActivity
        {
            Code = null,
            Task = task.Code,
            Area = task.Area,
            Text = clean,
            Lead = lead.Success ? [lead.Groups["body"].Value] : [],
            Due = parsed,
        };
    }

    // A line that only introduces what follows: "Đến năm 2025:", "Phát triển ứng dụng …:".
    private static bool IsLabel(string text) => text.TrimEnd().EndsWith(':');

    private static string TrimLabel(string text) => Text.Clean(text).TrimEnd(':', ' ');

    [GeneratedRegex(@";|\.\s+(?=\p{Lu})")]
    private static partial Regex ClauseBreak();

    [GeneratedRegex(@"(,\s+|\s+và\s+)")]
    private static partial Regex ListBreak();

    // "phấn đấu [đến hết] [năm 2023] [có|đạt|:]" followed by a word (not "phấn đấu, …").
    [GeneratedRegex(@"\b[Pp]hấn đấu\s+(?:(?:đến hết|đến|trong|tới)\s+)?(?:(?:năm|giai đoạn)\s+\d{4}(?:\s*[-–]\s*\d{4})?[,:]?\s+)?(?:(?:có|đạt|là|:)\s+)?(?=\w)")]
    private static partial Regex StriveLeadIn();

    [GeneratedRegex(@"\.(?:\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\d\s?%|tối thiểu|ít nhất|phấn đấu|đạt từ|\btrên \d|khoảng \d|tăng điểm|tăng hạng", RegexOptions.IgnoreCase)]
    private static partial Regex Commitment();

    [GeneratedRegex(@"(?<body>(?:Sở|Văn phòng|Ban|Ủy ban|UBND|Trung tâm)\s[^,;.()]{2,60}?)\s+chủ trì")]
    private static partial Regex LeadBody();

    // "Thường xuyên …" or "Các cơ quan, đơn vị thường xuyên …": within the sentence's first words.
    [GeneratedRegex(@"^.{0,40}?(?<w>[Tt]hường xuyên)\b")]
    private static partial Regex OngoingPhrase();

    [GeneratedRegex(@"\b([Hh][ằà]ng năm|[Hh]àng quý|[Đđ]ịnh kỳ (hằng |hàng )?(năm|quý|6 tháng))\b")]
    private static partial Regex RecurringPhrase();

    [GeneratedRegex(@"(?:[Tt]rong|[Đđ]ến|[Tt]rước)\s+(?:năm|quý|tháng)\s+[\dIV]+(?:[/\s]+\d{4})?")]
    private static partial Regex DuePhrase();
}
