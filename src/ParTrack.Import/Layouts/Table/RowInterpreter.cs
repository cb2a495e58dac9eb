using System.Text.RegularExpressions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Layouts.Table;

/// <summary>An activity plus the raw cells it came from, so tests and warnings can point back to the source.</summary>
internal sealed record ReadActivity(PlanActivity Activity, string? LeadCell, string? SupportCell, string Location);

internal sealed record TableReadResult(PlanBody Body, List<ReadActivity> Activities);

/// <summary>
/// Turns framework-table rows (from any layout) into areas, targets, tasks and activities.
/// Numbering restarts in each area, and codes may repeat inside one (002 PL III has two tasks "2.5"),
/// so items are tracked by position, never looked up by code.
/// </summary>
internal sealed partial class RowInterpreter(int planYear, List<ImportWarning> warnings)
{
    private readonly List<PlanArea> areas = [];
    private readonly List<PlanTarget> targets = [];
    private readonly List<PlanTaskItem> tasks = [];
    private readonly List<ReadActivity> activities = [];

    private string? mainArea;      // "VII"
    private string? area;          // "VII" or "VII.1"
    private PlanTarget? target;    // target of the current row span
    private List<PlanTaskItem> rowTasks = [];  // tasks of the current row span
    private readonly Dictionary<Col, string?> lastCells = [];  // for cells merged with the row above

    public TableReadResult Finish() =>
        new(new PlanBody(areas, targets, [.. tasks], [.. activities.Select(a => a.Activity)]), activities);

    public void Add(TableRow row)
    {
        if (row.Section is { } s)
        {
            AddSection(s.Code, s.Title);
            return;
        }

        // Merged cells (null) take the value of the row above.
        string? Cell(Col c)
        {
            var v = row[c];
            if (v is null) return lastCells.GetValueOrDefault(c);
            lastCells[c] = v;
            return v;
        }

        var hasTarget = row.HasText(Col.Target);
        var hasTask = row.HasText(Col.Task);
        var hasActivity = row.HasText(Col.Activity);

        if (row[Col.Target] is not null)
        {
            target = hasTarget ? AddTarget(row[Col.Target]!, row[Col.Tt], row.Location) : null;
            // A new target row with an empty task cell leaves no task open.
            if (row[Col.Task] is not null && !hasTask) rowTasks = [];
        }
        if (hasTask)
        {
            rowTasks = [];
            foreach (var (code, text) in Codes.SplitItems(row[Col.Task], 2))
            {
                if (text.Length == 0 && code is null) continue;
                var task = new PlanTaskItem
                {
                    Code = code, Area = area, Text = text,
                    Targets = target?.Code is { } tc ? [tc] : [],
                };
                tasks.Add(task);
                rowTasks.Add(task);
            }
        }

        // Fill merged cells of the row span before deciding whether the row holds an activity.
        var outputs = Cell(Col.Output);
        var lead = Cell(Col.Lead);
        var support = Cell(Col.Support);
        // One "Cơ quan thực hiện" cell naming both roles: its supporting bodies join the support column's.
        if (BodyRoles.Split(lead) is { } roles)
        {
            lead = roles.Lead;
            if (roles.Support is { } more) support = string.IsNullOrWhiteSpace(support) ? more : support + "\n" + more;
        }
        var dueText = Cell(Col.Due);
        var budget = Cell(Col.Budget);

        List<(string? Code, string Text, PlanTaskItem? Task)> items = [];
        if (hasActivity)
        {
            var parts = Codes.SplitItems(row[Col.Activity], 3);
            for (var i = 0; i < parts.Count; i++)
            {
                // Several tasks and as many activities in one row: pair them in order.
                var task = rowTasks.Count == parts.Count ? rowTasks[i] : rowTasks.FirstOrDefault();
                items.Add((parts[i].Code, parts[i].Text, task));
            }
        }
        else if (hasTask)
        {
            // No activity: one activity per task, with code null and the task's text.
            foreach (var t in rowTasks) items.Add((null, t.Text, t));
        }
        else if (row[Col.Activity] is null && row[Col.Task] is null && !hasTarget)
        {
            // Only output/lead/... cells under a merged activity: the source repeats part of a row.
            if (HasAny(row, Col.Output, Col.Lead, Col.Support, Col.Due, Col.Budget) && !RepeatsLastActivity(lead, support, dueText))
                warnings.Add(new ImportWarning(WarningKinds.UnplacedCell, row.Location,
                    "Hàng này chỉ có kết quả/chủ trì/thời gian mà không có nhiệm vụ hay hoạt động; đã bỏ qua. Hãy kiểm tra bảng gốc."));
            return;
        }
        else
        {
            if (HasAny(row, Col.Output, Col.Lead, Col.Support, Col.Due, Col.Budget) && !RepeatsLastActivity(lead, support, dueText) && rowTasks.Count > 0)
                foreach (var t in rowTasks) items.Add((null, t.Text, t));
            else return;
        }

        var due = DueParser.Parse(Text.CleanOrNull(dueText), planYear);
        if (due.Kind == DueKinds.Unknown && !string.IsNullOrWhiteSpace(dueText))
            warnings.Add(new ImportWarning(WarningKinds.UnparsedDue, row.Location,
                $"Không hiểu thời gian hoàn thành \"{Text.Clean(dueText)}\"; hãy nhập lại hạn cho hoạt động này."));

        // Blank cells in the source: the plan needs them, so say where they are.
        var named = string.Join(", ", items.Select(i => i.Code ?? i.Task?.Code).Where(c => c is not null));
        if (string.IsNullOrWhiteSpace(lead))
            warnings.Add(new ImportWarning(WarningKinds.EmptyCell, row.Location,
                $"Ô chủ trì của hoạt động {named} (lĩnh vực {area}) để trống trong bảng; hãy nhập cơ quan chủ trì."));
        if (string.IsNullOrWhiteSpace(dueText))
            warnings.Add(new ImportWarning(WarningKinds.EmptyCell, row.Location,
                $"Ô thời gian hoàn thành của hoạt động {named} (lĩnh vực {area}) để trống trong bảng; hãy nhập thời hạn."));

        foreach (var (code, text, task) in items)
        {
            var activity = new PlanActivity
            {
                Code = code, Task = task?.Code, Area = area, Text = text,
                Outputs = Text.CleanOrNull(outputs),
                // A cell's own line breaks (paragraphs of a real table cell) separate bodies, so they are kept.
                Lead = BodySplitter.Split(Text.CleanLines(lead)),
                Support = BodySplitter.Split(Text.CleanLines(support)),
                Due = due,
                Budget = Text.CleanOrNull(budget),
            };
            activities.Add(new ReadActivity(activity, Text.CleanOrNull(lead), Text.CleanOrNull(support), row.Location));
        }
    }

    private static bool HasAny(TableRow row, params Col[] cols) => cols.Any(row.HasText);

    private bool RepeatsLastActivity(string? lead, string? support, string? due)
    {
        if (activities.Count == 0) return false;
        var last = activities[^1];
        return last.LeadCell == Text.CleanOrNull(lead) && last.SupportCell == Text.CleanOrNull(support)
            && last.Activity.Due.Text == Text.CleanOrNull(due);
    }

    private void AddSection(string code, string title)
    {
        code = Text.Clean(code).TrimEnd('.');
        title = Text.Clean(title);
        if (Codes.IsRoman(code) || mainArea is null)
        {
            mainArea = code;
            area = code;
        }
        else
        {
            // A subsection inside an area (000 VII "1"/"2", 002 VII "A"/"B"): its own area code "VII.1".
            area = $"{mainArea}.{code}";
        }
        areas.Add(new PlanArea(area, title));
        target = null;
        rowTasks = [];
        lastCells.Clear();
    }

    private PlanTarget AddTarget(string cell, string? tt, string location)
    {
        var text = Text.Clean(cell);
        var code = Codes.LeadingCode(text, 1);
        // Targets numbered only in the TT column ("1.2" beside an uncoded target text).
        if (code is null && TargetTt().IsMatch(Text.Clean(tt))) code = Text.Clean(tt).TrimEnd('.');
        if (code is null && Codes.OwnCode(text) is { } own) (code, text) = own;
        else if (code is not null)
        {
            // One target per cell; later "1.x" items in the same cell stay in its text.
            var parts = Codes.SplitItems(text, 1);
            text = string.Join(" ", parts.Select((p, i) => i == 0 ? p.Text : $"{p.Code}. {p.Text}"));
        }
        var measures = MeasureParser.Parse(text);
        if (measures.Count == 0 && Digits().IsMatch(text))
            warnings.Add(new ImportWarning(WarningKinds.UnreadTarget, location,
                $"Chỉ tiêu \"{Shorten(text)}\" có số liệu nhưng không đọc được mức cần đạt; hãy nhập tay."));
        var t = new PlanTarget { Code = code, Area = area, Text = text, Measures = measures };
        targets.Add(t);
        return t;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..80] + "…";

    [GeneratedRegex(@"^1\.\d{1,2}\.?$")]
    private static partial Regex TargetTt();

    [GeneratedRegex(@"\d")]
    private static partial Regex Digits();
}
