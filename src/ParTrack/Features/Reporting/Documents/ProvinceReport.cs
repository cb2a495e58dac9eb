using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>
/// Drafts the province's CCHC report for a period in the outline Sở Nội vụ uses (DOMAIN §11): I. Kết quả thực hiện
/// (1. chỉ đạo, điều hành; one section per reform area opening with its figures and targets, then results picked from
/// the agencies' reports; contributed sections), II. Tồn tại, hạn chế, III. Nhiệm vụ kỳ tới, IV. Đề xuất, kiến nghị,
/// and annex tables. Every paragraph has a stable key and its source, so the coordinator edits it in the app.
/// Ad-hoc requests get the request and the agencies' answers instead.
/// </summary>
public sealed class ProvinceReport(ReportFactsQuery facts, IEnumerable<IReportContribution> contributions, IConfiguration config)
{
    /// <summary>Results quoted per area in the body; the full list is the XLSX annex.</summary>
    const int ResultsPerArea = 3;
    const int ListedInline = 6;

    public async Task<ReportDraft?> DraftAsync(int periodId, CancellationToken ct = default)
    {
        var f = await facts.LoadAsync(periodId, ct);
        if (f is null) return null;
        var province = ProvinceName(config);
        var p = f.Period;
        var words = ReportDraft.PeriodWords(p.Kind, p.Year, p.Title);
        var header = new OfficialHeader("Ủy ban nhân dân", $"Tỉnh {province}", "BC-UBND", province, null, p.Deadline.Year, "BÁO CÁO",
            p.Kind == ReportingPeriodKind.AdHoc ? p.Title : $"Kết quả thực hiện công tác cải cách hành chính {words}");
        var signature = new OfficialSignature(
            ["- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;", "- Chủ tịch, các PCT UBND tỉnh;",
             "- Các sở, ban, ngành;", "- UBND các xã, phường;", "- Lưu: VT, SNV."],
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
        var scope = new ReportScope(p.PlanId, p.Year, p.DataFrom, p.DataTo, p.Title);
        var blocks = new List<(IReportContribution Source, ReportBlock Block)>();
        foreach (var c in contributions.OrderBy(c => c.Order))
            if (await c.DraftAsync(scope, ct) is { } b) blocks.Add((c, b));

        var name = $"bao-cao-cchc-{ReportDraft.Slug(p.Title)}.docx";
        var sourceFigures = $"Số liệu tiến độ kỳ {p.Title}";
        var opening = new List<DraftParagraph>
        {
            new("opening", $"Thực hiện {PlanName(f)}, Ủy ban nhân dân tỉnh báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) {words} " +
                           $"(số liệu từ ngày {p.DataFrom:dd/MM/yyyy} đến ngày {p.DataTo:dd/MM/yyyy}) như sau:", "Kế hoạch và kỳ báo cáo"),
        };
        if (p.Kind == ReportingPeriodKind.AdHoc)
            return new ReportDraft(header, opening, AdHocSections(f), signature, ReportAnnexes.Of(f, blocks, adHoc: true), name);

        var sections = new List<DraftSection>();
        var t = f.Figures!.Totals;
        sections.Add(new("results", "I. KẾT QUẢ THỰC HIỆN", 1,
        [
            new("results:totals", $"Trong kỳ, toàn tỉnh có {t.Done}/{t.Activities} nhiệm vụ hoàn thành ({ReportDraft.Percent(t.Done, t.Activities)}); " +
                                  $"{t.InProgress} đang thực hiện; {t.NotStarted} chưa triển khai; {t.Overdue} chậm tiến độ" +
                                  (t.NotDone > 0 ? $"; {t.NotDone} không thực hiện" : "") + " (chi tiết tại Phụ lục II).", sourceFigures),
        ]));
        // The plan's own "chỉ đạo, điều hành" area is I.1 itself; areas without activities (a body section the
        // framework table repeats) have only targets, which Annex I lists.
        var direction = f.Figures.Areas.FirstOrDefault(IsDirection);
        sections.Add(new("direction", "1. Công tác chỉ đạo, điều hành", 2,
            [.. Direction(f, sourceFigures), .. direction is null ? [] : Area(f, direction, sourceFigures)]));
        sections.AddRange(Contributed(blocks.Where(b => b.Source.Place == ReportPlace.Direction), level: 3, number: i => $"{(char)('a' + i)})"));
        var n = 2;
        foreach (var area in f.Figures.Areas.Where(a => a != direction && a.Totals.Activities > 0))
            sections.Add(new($"area:{area.AreaId}", $"{n++}. {SentenceCase(area.Title)}", 2, Area(f, area, sourceFigures)));
        sections.AddRange(Contributed(blocks.Where(b => b.Source.Place == ReportPlace.Results), level: 2, number: i => $"{n + i}."));
        n += blocks.Count(b => b.Source.Place == ReportPlace.Results);
        var others = Distinct(f.Results).Take(ListedInline)
            .Select(g => new DraftParagraph($"other:{g.First.ReportId}", g.Text, Sources(g.All), f.SourceUrl(g.First))).ToList();
        if (others.Count > 0) sections.Add(new("other", $"{n}. Kết quả nổi bật khác do các cơ quan báo cáo", 2, others));

        sections.Add(new("limits", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", 1, Limits(f, sourceFigures)));
        sections.Add(new("next", "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI", 1, Next(f)));
        var proposals = Distinct(f.Proposals).Select(g => new DraftParagraph($"proposal:{g.First.ReportId}", "- " + g.Text, Sources(g.All), f.SourceUrl(g.First))).ToList();
        if (proposals.Count == 0) proposals.Add(new("proposal:none", "Không có đề xuất, kiến nghị."));
        sections.Add(new("proposals", "IV. ĐỀ XUẤT, KIẾN NGHỊ", 1, proposals));
        return new ReportDraft(header, opening, sections, signature, ReportAnnexes.Of(f, blocks, adHoc: false), name);
    }

    static bool IsDirection(AreaTotals a) => a.Title.Contains("chỉ đạo", StringComparison.OrdinalIgnoreCase);

    /// <summary>Plans write area titles in capitals ("CẢI CÁCH THỂ CHẾ"); a report's numbered heading reads "Cải cách thể chế".</summary>
    public static string SentenceCase(string title) =>
        title.Length < 2 || title != title.ToUpperInvariant() ? title : title[0] + title[1..].ToLowerInvariant();

    /// <summary>"Đã hoàn thành, ban hành văn bản." after a colon and before "(Sở X).": no final stop, lower first letter.</summary>
    static string Clause(string text)
    {
        var t = text.Trim().TrimEnd('.', ';', ' ');
        return t.Length > 1 && char.IsUpper(t[0]) && char.IsLower(t[1]) ? char.ToLowerInvariant(t[0]) + t[1..] : t;
    }

    public static string ProvinceName(IConfiguration config)
    {
        var name = (config["Province:Name"] ?? "Hà Tĩnh").Trim();
        // "HÀ TĨNH" in settings still reads "Hà Tĩnh, ngày …" in the date line.
        return name == name.ToUpperInvariant() ? System.Globalization.CultureInfo.GetCultureInfo("vi-VN").TextInfo.ToTitleCase(name.ToLowerInvariant()) : name;
    }

    static string PlanName(ReportFacts f)
    {
        var plan = f.Plan;
        var number = plan.Number is { Length: > 0 } num ? $" số {num}" : "";
        var date = plan.IssuedOn is { } d ? $" ngày {d:dd/MM/yyyy}" : "";
        return number.Length > 0 || date.Length > 0 ? $"Kế hoạch{number}{date} của UBND tỉnh ({plan.Title})" : plan.Title;
    }

    static List<DraftParagraph> Direction(ReportFacts f, string sourceFigures)
    {
        var list = new List<DraftParagraph>
        {
            new("direction:plan", $"UBND tỉnh đã ban hành {PlanName(f)}, gồm {f.Figures!.Totals.Activities} nhiệm vụ và {f.TargetCount} chỉ tiêu, " +
                                  "giao các cơ quan, đơn vị chủ trì, phối hợp thực hiện; Sở Nội vụ theo dõi, đôn đốc và tổng hợp kết quả.", "Kế hoạch CCHC của tỉnh"),
        };
        if (f.Cascade is { Expected: > 0 } c)
            list.Add(new("direction:own-plans", $"Các cơ quan, đơn vị đã ban hành kế hoạch CCHC của mình: {c.Issued}/{c.Expected} ({ReportDraft.Percent(c.Issued, c.Expected)})" +
                                                (c.Late > 0 ? $"; {c.Late} cơ quan ban hành trễ hạn hoặc chưa ban hành." : "."), "Kế hoạch của các cơ quan"));
        var s = f.Overview.Summary;
        list.Add(new("direction:reports", $"Báo cáo {ReportDraft.PeriodWords(f.Period.Kind, f.Period.Year, f.Period.Title)}: {s.OnTime}/{s.Agencies} cơ quan gửi đúng hạn" +
                                          (s.Late > 0 ? $"; {s.Late} gửi trễ hạn" : "") + (s.Missing > 0 ? $"; {s.Missing} chưa gửi" : "") +
                                          (s.NotDueYet > 0 ? $"; {s.NotDueYet} chưa đến hạn" : "") + " (chi tiết tại Phụ lục III).", sourceFigures));
        return list;
    }

    static List<DraftParagraph> Area(ReportFacts f, AreaTotals area, string sourceFigures)
    {
        var t = area.Totals;
        var list = new List<DraftParagraph>
        {
            new($"area:{area.AreaId}:figures", $"Kết quả: {t.Done}/{t.Activities} nhiệm vụ hoàn thành ({ReportDraft.Percent(t.Done, t.Activities)}); " +
                                               $"{t.InProgress} đang thực hiện; {t.NotStarted} chưa triển khai; {t.Overdue} chậm tiến độ" +
                                               (t.NotDone > 0 ? $"; {t.NotDone} không thực hiện." : "."), sourceFigures),
        };
        // One line per target, its measures per level: "cấp tỉnh: kế hoạch ≥ 100 %, thực hiện 96 % (chưa đạt)".
        foreach (var target in f.View.Measures.Where(m => m.AreaCode == area.Code && area.AreaId is not null).GroupBy(m => m.TargetId))
        {
            var first = target.First();
            var measures = target.Select(m => (m.Level is null ? "" : PlanLabels.Level(m.Level) + ": ") +
                                              (m.Achievement.Latest is null ? $"kế hoạch {ReportFacts.Goal(m)}, chưa có số liệu"
                                                  : $"kế hoạch {ReportFacts.Goal(m)}, thực hiện {ReportFacts.Actual(m)} ({ReportFacts.Status(m).ToLowerInvariant()})"));
            list.Add(new($"area:{area.AreaId}:target:{target.Key}",
                $"- Chỉ tiêu {FrameworkTable.Numbered(first.TargetCode, first.TargetText.TrimEnd('.', ' '))}: {string.Join("; ", measures)}.", "Số liệu chỉ tiêu toàn tỉnh"));
        }
        var activities = f.Figures!.Activities.Where(a => a.AreaId == area.AreaId).ToDictionary(a => a.ActivityId);
        foreach (var w in f.WorkDone.Where(w => w.ActivityId is int id && activities.ContainsKey(id)).DistinctBy(w => w.ActivityId).Take(ResultsPerArea))
        {
            var a = activities[w.ActivityId!.Value];
            list.Add(new($"area:{area.AreaId}:result:{w.ReportId}:{w.ActivityId}", $"- {FrameworkTable.Numbered(a.Code, a.Text)}: {Clause(w.Text)} ({w.Agency}).",
                $"Báo cáo {f.Period.Title} của {w.Agency}", f.SourceUrl(w)));
        }
        return list;
    }

    static List<DraftParagraph> Limits(ReportFacts f, string sourceFigures)
    {
        var list = new List<DraftParagraph>();
        var overdue = f.View.OverdueList;
        if (overdue.Count > 0)
            list.Add(new("limits:overdue", $"- Còn {overdue.Count} nhiệm vụ chậm tiến độ so với kế hoạch: " +
                                           string.Join("; ", overdue.Take(ListedInline).Select(o => $"{FrameworkTable.Numbered(o.Code, o.Text)} ({o.Lead})")) +
                                           (overdue.Count > ListedInline ? $" và {overdue.Count - ListedInline} nhiệm vụ khác (Phụ lục IV)." : "."), sourceFigures));
        var missed = f.View.Measures.Where(m => ReportFacts.Status(m) == "Chưa đạt").ToList();
        if (missed.Count > 0)
            list.Add(new("limits:targets", $"- {missed.Count} chỉ tiêu chưa đạt kế hoạch: " +
                                           string.Join("; ", missed.Take(ListedInline).Select(m => $"{FrameworkTable.Numbered(m.TargetCode, m.TargetText)} ({ReportFacts.Actual(m)}/{ReportFacts.Goal(m)})")) +
                                           (missed.Count > ListedInline ? $" và {missed.Count - ListedInline} chỉ tiêu khác (Phụ lục I)." : "."), "Số liệu chỉ tiêu toàn tỉnh"));
        var late = f.Overview.Agencies.Where(a => a.Timeliness.Kind is TimelinessKind.Late or TimelinessKind.Missing).ToList();
        if (late.Count > 0)
            list.Add(new("limits:timeliness", $"- {late.Count} cơ quan gửi báo cáo trễ hạn hoặc chưa gửi: " +
                                              string.Join(", ", late.Take(ListedInline).Select(a => a.AgencyName)) +
                                              (late.Count > ListedInline ? $" và {late.Count - ListedInline} cơ quan khác (Phụ lục III)." : "."), sourceFigures));
        foreach (var (kind, items) in new[] { ("limitation", f.Limitations), ("difficulty", f.Difficulties) })
            foreach (var g in Distinct(items).Take(ListedInline))
                list.Add(new($"limits:{kind}:{g.First.ReportId}", "- " + g.Text, Sources(g.All), f.SourceUrl(g.First)));
        if (list.Count == 0) list.Add(new("limits:none", "Các nhiệm vụ được triển khai đúng tiến độ; chưa phát hiện tồn tại, hạn chế."));
        return list;
    }

    static List<DraftParagraph> Next(ReportFacts f)
    {
        var open = f.Figures!.Activities.Where(a => !ActivityProgress.IsDone(a.State) && a.State != ActivityStatus.NotDone).ToList();
        var until = f.Next?.DataTo ?? new DateOnly(f.Period.Year, 12, 31);
        var due = open.Where(a => a.DueEnd is { } d && d > f.Period.DataTo && d <= until).ToList();
        var list = new List<DraftParagraph>
        {
            new("next:continue", $"Tiếp tục chỉ đạo các cơ quan, đơn vị thực hiện {open.Count} nhiệm vụ chưa hoàn thành, " +
                                 $"trong đó tập trung {open.Count(a => a.State == ActivityStatus.Overdue)} nhiệm vụ đã quá hạn.", $"Số liệu tiến độ kỳ {f.Period.Title}"),
        };
        var when = f.Next is null ? $"đến hết năm {f.Period.Year}" : $"đến ngày {until:dd/MM/yyyy} ({f.Next.Title})";
        list.Add(new("next:due", due.Count == 0 ? $"Không có nhiệm vụ nào đến hạn {when}."
            : $"Hoàn thành {due.Count} nhiệm vụ đến hạn {when}:", "Thời hạn trong kế hoạch"));
        foreach (var a in due.Take(ListedInline))
            list.Add(new($"next:due:{a.ActivityId}", $"- {FrameworkTable.Numbered(a.Code, a.Text)} ({a.Lead}; {a.DueText ?? a.DueEnd?.ToString("dd/MM/yyyy")}).", "Thời hạn trong kế hoạch"));
        if (due.Count > ListedInline)
            list.Add(new("next:due:more", $"- Và {due.Count - ListedInline} nhiệm vụ khác theo kế hoạch (Phụ lục II của báo cáo, bảng tính kèm theo).", "Thời hạn trong kế hoạch"));
        return list;
    }

    static List<DraftSection> AdHocSections(ReportFacts f)
    {
        var request = new DraftSection("request", "I. NỘI DUNG YÊU CẦU", 1,
            [new("request:text", f.Period.Questions ?? f.Period.Title, "Yêu cầu báo cáo")]);
        var answers = f.Answers.Select(a => new DraftParagraph($"answer:{a.ReportId}", $"- {a.Agency}: {a.Text}", $"Báo cáo của {a.Agency}", f.SourceUrl(a))).ToList();
        if (answers.Count == 0) answers.Add(new("answer:none", "Chưa có cơ quan gửi báo cáo."));
        var s = f.Overview.Summary;
        answers.Insert(0, new("answer:summary", $"{s.Submitted}/{s.Agencies} cơ quan đã gửi báo cáo (chi tiết tại Phụ lục).", "Tình hình gửi báo cáo"));
        return [request, new("answers", "II. KẾT QUẢ TỔNG HỢP", 1, answers)];
    }

    static IEnumerable<DraftSection> Contributed(IEnumerable<(IReportContribution Source, ReportBlock Block)> blocks, int level, Func<int, string> number) =>
        blocks.Select((b, i) => new DraftSection($"contribution:{b.Source.GetType().Name}:{b.Source.Place}", $"{number(i)} {b.Block.Heading}", level,
            b.Block.Paragraphs.Select((p, j) => new DraftParagraph($"contribution:{b.Source.GetType().Name}:{b.Source.Place}:{j}", p, b.Block.Heading)).ToList(),
            b.Block.Table is { } t ? new DraftTable(t.Columns, t.Columns.Select(_ => 1).ToList(), t.Rows.Select(r => (IReadOnlyList<string?>)r.ToList()).ToList()) : null));

    /// <summary>The same text sent by several agencies (a template they all filled) is quoted once, naming them all.</summary>
    static IEnumerable<(string Text, Narrative First, List<Narrative> All)> Distinct(IEnumerable<Narrative> items) =>
        items.GroupBy(n => n.Text.Replace(n.Agency, "", StringComparison.Ordinal).Trim())
            .Select(g => (g.Count() == 1 ? g.First().Text : g.Key.Length > 0 ? char.ToUpperInvariant(g.Key[0]) + g.Key[1..] : g.Key, g.First(), g.ToList()));

    static string Sources(List<Narrative> all) => "Báo cáo của " + (all.Count <= 3
        ? string.Join(", ", all.Select(a => a.Agency))
        : string.Join(", ", all.Take(3).Select(a => a.Agency)) + $" và {all.Count - 3} cơ quan khác");
}
