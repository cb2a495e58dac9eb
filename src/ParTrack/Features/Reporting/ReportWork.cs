using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Notifications;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;

/// <param name="Confirm">The officer keeps an answer carried from the previous period as it is ("xác nhận").</param>
public sealed record EntryInput(int EntryId, ReportedStatus? Status, int? Percent, string? WorkDone, string? Reason, DateOnly? CompletedOn,
    bool Confirm = false);

/// <param name="ConfirmActuals">The officer keeps the target values carried from the previous period.</param>
/// <param name="Unreadable">Measures whose typed value was not a number: the save is refused, nothing is erased.</param>
public sealed record DraftInput(string? Results, string? Limitations, string? Difficulties, string? Proposals, string? Answers,
    IReadOnlyList<EntryInput> Entries, IReadOnlyDictionary<int, decimal?> Actuals, bool ConfirmActuals = false,
    IReadOnlyCollection<int>? Unreadable = null);

/// <summary>
/// The report's life: draft → submitted (locked) → accepted, or returned with comments → resubmitted.
/// Every submission, return and acceptance keeps a version. Each step is one transaction and checks the
/// report's Version token, so a form posted twice or a stale page cannot act twice.
/// </summary>
public sealed partial class ReportWork(AppDbContext db, Obligations obligations, TimeProvider clock, Dashboard.DashboardCache? dashboards = null,
    Progress? progress = null, Tallies? tallies = null)
{
    public const string LockedMessage =
        "Báo cáo đã gửi nên không sửa được. Nếu cần sửa, hãy đề nghị Sở Nội vụ trả lại báo cáo.";
    public const string StaleMessage =
        "Báo cáo vừa được người khác thay đổi. Trang đã tải lại nội dung mới nhất; hãy kiểm tra rồi thao tác lại.";
    /// <summary>Longest save key stored (AgencyReport.LastSaveKey); a longer one is ignored, never a match.</summary>
    public const int SaveKeyLength = 40;

    /// <summary>
    /// The agency's report for the period, created as a draft on first open; a draft or returned report
    /// gains entries for activities assigned since. Null when the agency owes no report in this period.
    /// </summary>
    public async Task<int?> EnsureAsync(int periodId, int agencyId, CancellationToken ct = default)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return null;
        var existing = await db.Set<AgencyReport>().Include(r => r.Entries)
            .FirstOrDefaultAsync(r => r.PeriodId == periodId && r.AgencyId == agencyId, ct);
        if (existing is not null && existing.IsLocked) return existing.Id;

        var owed = await obligations.ForAgencyAsync(period, agencyId, ct);
        if (owed is null) return existing?.Id;
        var report = existing ?? new AgencyReport
        {
            PeriodId = periodId, AgencyId = agencyId, State = ReportState.Draft, UpdatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        if (period.Kind != ReportingPeriodKind.AdHoc)
        {
            foreach (var id in owed.Leads.Where(id => report.Entries.All(e => e.ActivityId != id)))
                report.Entries.Add(new ReportEntry { ActivityId = id, Leads = true });
            foreach (var id in owed.Supports.Where(id => report.Entries.All(e => e.ActivityId != id)))
                report.Entries.Add(new ReportEntry { ActivityId = id, Leads = false });
            if (existing is null && await CarryForward.PreviousAsync(db, period, agencyId, ct) is { } previous)
                CarryForward.Apply(report, previous, (await obligations.MeasuresForAsync(period.PlanId, owed.Leads, ct)).Select(m => m.Id).ToHashSet());
        }
        if (existing is null) db.Add(report);
        if (!db.ChangeTracker.HasChanges()) return report.Id;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Opened twice at once: the other request created it.
            db.ChangeTracker.Clear();
            return await db.Set<AgencyReport>().Where(r => r.PeriodId == periodId && r.AgencyId == agencyId).Select(r => (int?)r.Id).FirstAsync(ct);
        }
        return report.Id;
    }

    public Task<AgencyReport?> LoadAsync(int reportId, CancellationToken ct = default) =>
        db.Set<AgencyReport>()
            .Include(r => r.Period).Include(r => r.Agency)
            .Include(r => r.Entries).ThenInclude(e => e.Activity).ThenInclude(a => a!.Area)
            .Include(r => r.Entries).ThenInclude(e => e.Activity).ThenInclude(a => a!.Assignments)
            .Include(r => r.Entries).ThenInclude(e => e.Evidence).ThenInclude(v => v.File)
            .Include(r => r.Actuals)
            .AsSplitQuery()
            .FirstOrDefaultAsync(r => r.Id == reportId, ct);

    /// <summary>Saves the draft (a returned report is a draft again for the agency).</summary>
    /// <param name="saveKey">
    /// The page's save key (a random id per page load). A stale Version with the key of the report's last save means
    /// this page's previous save succeeded but its answer was lost: it is applied to the current version, not refused.
    /// </param>
    public Task<Outcome<AgencyReport>> SaveDraftAsync(int reportId, Guid version, DraftInput input, CancellationToken ct = default,
        string? saveKey = null) =>
        SaveDraftAsync(r => r.Id == reportId, version, input, saveKey, ct);

    /// <summary>
    /// Saves the agency's draft for the period, found by the save's own read (the page's save does not look its id up
    /// first: one query fewer per autosave); a first save, from a page opened before the report existed, creates it.
    /// </summary>
    public async Task<Outcome<AgencyReport>> SaveDraftAsync(int periodId, int agencyId, Guid version, DraftInput input,
        CancellationToken ct = default, string? saveKey = null)
    {
        var saved = await SaveDraftAsync(r => r.PeriodId == periodId && r.AgencyId == agencyId, version, input, saveKey, ct);
        if (saved.Kind != OutcomeKind.NotFound) return saved;
        return await EnsureAsync(periodId, agencyId, ct) is { } id ? await SaveDraftAsync(id, version, input, ct, saveKey) : saved;
    }

    async Task<Outcome<AgencyReport>> SaveDraftAsync(Expression<Func<AgencyReport, bool>> which, Guid version, DraftInput input,
        string? saveKey, CancellationToken ct)
    {
        // Only what a draft save changes (no activities, evidence, files): fewer rows read and tracked. The measures'
        // values only when the form has some: an autosave of a report without target measures reads one table fewer.
        IQueryable<AgencyReport> read = db.Set<AgencyReport>().Include(r => r.Period).Include(r => r.Entries);
        var report = await (input.Actuals.Count > 0 ? read.Include(r => r.Actuals) : read).AsSplitQuery().FirstOrDefaultAsync(which, ct);
        if (report is null) return Outcome<AgencyReport>.NotFound();
        if (report.IsLocked) return new(OutcomeKind.Forbidden, report, LockedMessage);
        if (saveKey is not { Length: > 0 and <= SaveKeyLength }) saveKey = null;
        if (report.Version != version)
        {
            if (saveKey is null || saveKey != report.LastSaveKey) return Outcome<AgencyReport>.Conflict(report, StaleMessage);
            version = report.Version;
        }

        var errors = new Dictionary<string, string>();
        Apply(report, input, errors);
        var measures = input.Actuals.Count == 0 && (input.Unreadable?.Count ?? 0) == 0 ? [] : await MeasuresAsync(report, ct);
        ValidateActuals(input, measures, errors);
        if (errors.Count > 0) return Outcome<AgencyReport>.Invalid(errors);
        foreach (var (measureId, value) in input.Actuals)
        {
            if (!measures.ContainsKey(measureId)) continue;
            var actual = report.Actuals.FirstOrDefault(a => a.MeasureId == measureId);
            if (value is null) { if (actual is not null) report.Actuals.Remove(actual); continue; }
            if (actual is null) report.Actuals.Add(new MeasureActual { MeasureId = measureId, Value = value.Value });
            else
            {
                if (actual.Value != value.Value || input.ConfirmActuals) actual.CarriedForward = false;
                actual.Value = value.Value;
            }
        }
        report.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        report.LastSaveKey = saveKey;
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        await db.SaveChangesAsync(ct);
        return Outcome<AgencyReport>.Ok(report);
    }


    static void Apply(AgencyReport report, DraftInput input, Dictionary<string, string> errors)
    {
        Limits.Check(errors, "Results", "Kết quả đạt được", input.Results, Limits.LongText);
        Limits.Check(errors, "Limitations", "Tồn tại, hạn chế", input.Limitations, Limits.LongText);
        Limits.Check(errors, "Difficulties", "Khó khăn, vướng mắc", input.Difficulties, Limits.LongText);
        Limits.Check(errors, "Proposals", "Đề xuất, kiến nghị", input.Proposals, Limits.LongText);
        Limits.Check(errors, "Answers", "Nội dung trả lời", input.Answers, Limits.LongText);
        report.Results = Clean(input.Results);
        report.Limitations = Clean(input.Limitations);
        report.Difficulties = Clean(input.Difficulties);
        report.Proposals = Clean(input.Proposals);
        report.Answers = Clean(input.Answers);
        foreach (var i in input.Entries)
        {
            var e = report.Entries.FirstOrDefault(x => x.Id == i.EntryId);
            if (e is null) continue;
            if (i.Percent is < 0 or > 100)
                errors[$"Entries[{e.Id}].Percent"] = "Tỷ lệ hoàn thành phải từ 0 đến 100%.";
            var (status, percent, work, reason, completed) = (e.Status, e.Percent, e.WorkDone, e.Reason, e.CompletedOn);
            Limits.Check(errors, $"Entries[{e.Id}].WorkDone", "Kết quả thực hiện", i.WorkDone, Limits.LongText);
            Limits.Check(errors, $"Entries[{e.Id}].Reason", "Lý do", i.Reason, Limits.Text);
            e.WorkDone = Clean(i.WorkDone);
            if (e.Leads)   // a contribution is text and evidence only
            {
                e.Status = i.Status;
                e.Percent = i.Status is ReportedStatus.Done or ReportedStatus.DoneLate ? 100 : i.Percent;
                e.Reason = i.Status == ReportedStatus.NotDone ? Clean(i.Reason) : null;
                e.CompletedOn = i.Status is ReportedStatus.Done or ReportedStatus.DoneLate ? i.CompletedOn : null;
            }
            CarryForward.Confirm(e, i, status, percent, work, reason, completed);
        }
    }

    async Task<Dictionary<int, Data.TargetMeasure>> MeasuresAsync(AgencyReport report, CancellationToken ct) =>
        (await obligations.MeasuresForAsync(report.Period!.PlanId, report.Entries.Where(e => e.Leads).Select(e => e.ActivityId).ToList(), ct))
        .ToDictionary(m => m.Id);

    /// <summary>
    /// A value that could not be read is refused (the whole save, so the stored value is never erased by it);
    /// a percentage must be 0–100 and a count at least 0.
    /// </summary>
    static void ValidateActuals(DraftInput input, Dictionary<int, Data.TargetMeasure> measures, Dictionary<string, string> errors)
    {
        foreach (var id in (input.Unreadable ?? []).Where(measures.ContainsKey))
            errors[$"Actuals[{id}]"] = $"Chỉ tiêu ({measures[id].Unit ?? "số liệu"}): giá trị nhập không phải là số. Hãy nhập một số, ví dụ 95 hoặc 12,5; giá trị đã lưu được giữ nguyên.";
        foreach (var (id, value) in input.Actuals)
            if (value is { } v && measures.TryGetValue(id, out var m)
                && Domain.Targets.ActualAggregation.Validate(m.Unit, v, "Chỉ tiêu" + (m.Unit is { } u ? $" ({u})" : "")) is { } message)
                errors[$"Actuals[{id}]"] = message;
    }

    // Readable Vietnamese in the stored JSON (it is only ever rendered HTML-encoded).
    static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    static string Short(string s) => s.Length <= 80 ? s : s[..77] + "…";
}
