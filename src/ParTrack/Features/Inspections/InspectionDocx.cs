using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Inspections;

/// <summary>Who issues an inspection document and how it is signed.</summary>
/// <param name="Number">The number and symbol: "TB-SNV" leaves the number blank for the clerk, "12/TB-SNV" is printed as is.</param>
sealed record DocumentHead(string? Parent, string Issuer, string Number, string Place, DateOnly? Date,
    IReadOnlyList<string> Recipients, IReadOnlyList<string> SignatureLines, string? Signer = null);

/// <summary>The inspection documents as DOCX in the administrative form (<see cref="OfficialDocument"/>), from the coordinator's templates.</summary>
public sealed class InspectionDocx(AppDbContext db, InspectionTemplates templates, InspectionFigures figures, IConfiguration config)
{
    static readonly CultureInfo Vi = new("vi-VN");
    string Province => config["Province:Name"] ?? "Hà Tĩnh";

    public async Task<(byte[] Content, string Name)?> ProgrammeAsync(int programmeId, string kind, int? roundId, CancellationToken ct = default)
    {
        if (kind is not ("plan" or "decision" or "summary")) return null;
        var p = await db.Set<InspectionProgramme>().AsNoTracking().Include(x => x.Targets).FirstOrDefaultAsync(x => x.Id == programmeId, ct);
        if (p is null) return null;
        var rounds = await db.Set<InspectionRound>().AsNoTracking().Include(r => r.Members).Where(r => r.ProgrammeId == p.Id).OrderBy(r => r.StartsOn).ToListAsync(ct);
        var round = roundId is int rid ? rounds.FirstOrDefault(r => r.Id == rid) : rounds.FirstOrDefault();
        if (kind == "decision" && round is null) return null;
        var units = await db.Set<Inspection>().AsNoTracking().Where(i => i.ProgrammeId == p.Id).OrderBy(i => i.ScheduledOn)
            .Select(i => new { Agency = i.Agency!.Name, i.ScheduledOn }).ToListAsync(ct);
        var f = await figures.OfAsync(p, null, ct);
        var values = Common(p);
        values["rounds"] = Lines(rounds.Select(r => $"{r.Name}: từ ngày {r.StartsOn:dd/MM/yyyy} đến ngày {r.EndsOn:dd/MM/yyyy}."));
        values["units"] = Lines(units.Select((u, n) => $"{n + 1}. {u.Agency} (dự kiến ngày {u.ScheduledOn:dd/MM/yyyy})."));
        values["targets"] = string.Join("; ", f.Coverage.Select(c => $"{c.Group}: {Target(c.Coverage.Target!)}")) is { Length: > 0 } t ? t + "." : "theo kế hoạch CCHC của tỉnh.";
        values["coverage"] = Lines(f.Coverage.Select(c => string.Format(Vi, "{0}: đã kiểm tra {1}/{2} đơn vị ({3}%), chỉ tiêu {4}: {5}.", c.Group, c.Coverage.Inspected,
            c.Coverage.UnitsValid, c.Coverage.Percent?.ToString("0.#", Vi) ?? "–", Target(c.Coverage.Target!), c.Coverage.Met ? "đạt" : "chưa đạt")));
        values["findingsSummary"] = $"Tổng số tồn tại, hạn chế: {f.Findings}. " + string.Join("; ", f.FindingsByArea.Select(a => $"{a.Label}: {a.Count}")) + ".";
        values["remedyRate"] = string.Format(Vi, "Tỷ lệ khắc phục đúng hạn: {0} ({1}/{2} tồn tại đến hạn).",
            f.RemedyRate.Percent is { } r ? r.ToString("0.#", Vi) + "%" : "chưa có tồn tại đến hạn", f.RemedyRate.VerifiedOnTime, f.RemedyRate.Due);
        values["overdue"] = f.OverdueByUnit.Count == 0 ? "Không có." : Lines(f.OverdueByUnit.Select(o => $"{o.Agency}: {o.Overdue} tồn tại quá hạn (lâu nhất {o.MostDaysOverdue} ngày)."));
        if (round is not null)
        {
            values["round"] = round.Name;
            values["roundFrom"] = $"{round.StartsOn:dd/MM/yyyy}";
            values["roundTo"] = $"{round.EndsOn:dd/MM/yyyy}";
            values["team"] = Lines(round.Members.OrderByDescending(m => m.IsLeader)
                .Select((m, n) => $"{n + 1}. {m.Name}{(m.AgencyName is { } a ? ", " + a : "")}{(m.IsLeader ? " – Trưởng đoàn" : " – Thành viên")}."));
        }
        var number = kind switch
        {
            "decision" => round!.DecisionNumber ?? "QĐ-SNV",
            "summary" => "BC-SNV",
            _ => "KH-SNV",
        };
        var date = kind == "decision" ? round!.DecisionDate : null;
        var recipients = kind == "summary" ? new[] { "UBND tỉnh (để báo cáo);", "Lưu: VT, CCHC." } : ["UBND tỉnh (để báo cáo);", "Các cơ quan, đơn vị được kiểm tra;", "Thành viên Đoàn kiểm tra;", "Lưu: VT, CCHC."];
        return (await WriteAsync(kind, values, Head(number, date, recipients, null), ct), $"{kind}-{p.Year}.docx");
    }

    public async Task<(byte[] Content, string Name)?> InspectionAsync(int inspectionId, string kind, CancellationToken ct = default)
    {
        if (kind is not ("minutes" or "conclusion")) return null;
        var i = await db.Set<Inspection>().AsNoTracking().Include(x => x.Programme).Include(x => x.Agency).Include(x => x.Observations)
            .Include(x => x.Findings).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == inspectionId, ct);
        if (i is null) return null;
        var names = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var leader = i.RoundId is int r
            ? await db.Set<InspectionTeamMember>().AsNoTracking().Where(m => m.RoundId == r && m.IsLeader).Select(m => m.Name).FirstOrDefaultAsync(ct) : null;
        var values = Common(i.Programme!);
        values["unit"] = i.Agency!.Name;
        values["visitedOn"] = i.VisitedOn is { } v ? $"{v:dd/MM/yyyy}" : "…";
        values["attendees"] = i.Attendees ?? "…";
        values["sampledDossiers"] = i.SampledDossiers ?? "Không.";
        values["observations"] = Lines(i.Observations.Select(o => $"{o.Item}: {o.Note}"));
        values["findings"] = i.Findings.Count == 0 ? "Không có tồn tại, hạn chế." : Lines(i.Findings.OrderBy(x => x.Id).Select(x =>
            $"- {x.Area}{(x.Criterion is { } c ? $" (tiêu chí {c})" : "")}, mức độ {InspectionLabels.Of(x.Severity).ToLowerInvariant()}: {x.Found} Yêu cầu: {x.RequiredRemedy} Đơn vị thực hiện: {names.GetValueOrDefault(x.ResponsibleAgencyId)}; thời hạn: {x.Deadline:dd/MM/yyyy}."));
        var head = kind == "minutes"
            ? new DocumentHead($"UBND TỈNH {Province.ToUpperInvariant()}", "ĐOÀN KIỂM TRA CCHC", "BB-ĐKT", Province, i.VisitedOn,
                [$"{i.Agency.Name};", "Lưu: Đoàn kiểm tra."], ["TRƯỞNG ĐOÀN KIỂM TRA"], leader)
            : Head(i.ConclusionNumber ?? "TB-SNV", i.ConclusionDate,
                [$"{i.Agency.Name};", "UBND tỉnh (để báo cáo);", "Lưu: VT, CCHC."], i.ConclusionSigner);
        return (await WriteAsync(kind, values, head, ct), $"{kind}-{i.Id}.docx");
    }

    async Task<byte[]> WriteAsync(string kind, Dictionary<string, string> values, DocumentHead head, CancellationToken ct)
    {
        var (name, subject, lines) = InspectionTemplates.Fill(await templates.TextAsync(kind, ct), values);
        var year = head.Date?.Year ?? int.Parse(values["year"], CultureInfo.InvariantCulture);
        var doc = new OfficialDocument(new OfficialHeader(head.Parent, head.Issuer, head.Number, head.Place, head.Date, year, name, subject));
        foreach (var line in lines)
        {
            if (line.StartsWith('#')) doc.Heading(line.TrimStart('#').Trim(), 2);
            else doc.Paragraph(line);
        }
        return doc.Closing(new OfficialSignature(head.Recipients, head.SignatureLines, head.Signer)).ToBytes();
    }

    DocumentHead Head(string number, DateOnly? date, IReadOnlyList<string> recipients, string? signer) =>
        new($"UBND TỈNH {Province.ToUpperInvariant()}", "SỞ NỘI VỤ", number, Province, date, recipients, ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], signer);

    static Dictionary<string, string> Common(InspectionProgramme p) => new()
    {
        ["year"] = p.Year.ToString(CultureInfo.InvariantCulture),
        ["programme"] = p.Title,
        ["legalBasis"] = p.LegalBasis ?? $"Kế hoạch cải cách hành chính năm {p.Year} của UBND tỉnh",
        ["contentAreas"] = Lines(InspectionProgramme.Lines(p.ContentAreas).Select(a => "- " + a)),
        ["kinds"] = string.Join(", ", p.KindList().Select(k => InspectionLabels.Of(k).ToLowerInvariant())),
        ["remedyDays"] = p.RemedyDays.ToString(CultureInfo.InvariantCulture),
    };

    static string Target(CoverageTarget t) => t.Kind == TargetKind.Percent ? $"{t.Value.ToString("0.##", Vi)}%" : $"{t.Value:0} đơn vị";

    static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);
}
