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
public sealed class ReportWork(AppDbContext db, Obligations obligations, TimeProvider clock, Dashboard.DashboardCache? dashboards = null,
    Progress? progress = null)
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
    public async Task<Outcome<AgencyReport>> SaveDraftAsync(int reportId, Guid version, DraftInput input, CancellationToken ct = default,
        string? saveKey = null)
    {
        // Only what a draft save changes (no activities, evidence, files): fewer rows read and tracked.
        var report = await db.Set<AgencyReport>().Include(r => r.Period).Include(r => r.Entries).Include(r => r.Actuals)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == reportId, ct);
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

    /// <summary>Submits: checks completeness, locks, keeps a version. Allowed after the deadline (then it is late).</summary>
    public async Task<Outcome<AgencyReport>> SubmitAsync(int reportId, Guid version, string userName, CancellationToken ct = default)
    {
        var report = await LoadAsync(reportId, ct);
        if (report is null) return Outcome<AgencyReport>.NotFound();
        if (report.IsLocked)
            // The same submit posted twice: the first one won; say so instead of failing.
            return report.State == ReportState.Submitted && report.Version != version
                ? Outcome<AgencyReport>.Ok(report)
                : new(OutcomeKind.Forbidden, report, LockedMessage);
        if (report.Version != version) return Outcome<AgencyReport>.Conflict(report, StaleMessage);

        var errors = new Dictionary<string, string>();
        foreach (var e in report.Entries.Where(e => e.Leads))
        {
            if (e.Status is null)
                errors[$"Entries[{e.Id}].Status"] = $"Hoạt động \"{Short(e.Activity!.Text)}\" chưa chọn tình trạng thực hiện. Hãy chọn trước khi gửi.";
            else if (e.Status == ReportedStatus.NotDone && string.IsNullOrWhiteSpace(e.Reason))
                errors[$"Entries[{e.Id}].Reason"] = $"Hoạt động \"{Short(e.Activity!.Text)}\" không thực hiện: hãy ghi rõ lý do.";
        }
        if (report.Period!.Kind == ReportingPeriodKind.AdHoc && string.IsNullOrWhiteSpace(report.Answers))
            errors["Answers"] = "Hãy trả lời nội dung yêu cầu báo cáo trước khi gửi.";
        if (errors.Count > 0) return Outcome<AgencyReport>.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var again = report.FirstSubmittedAtUtc is not null;
        report.State = ReportState.Submitted;
        report.FirstSubmittedAtUtc ??= now;
        report.SubmittedAtUtc = now;
        report.UpdatedAtUtc = now;
        foreach (var e in report.Entries) e.ReviewComment = null;
        report.LeadAnswers = LeadAnswerText.Write(report.Entries);   // the entries are locked from here until a return
        KeepVersion(report, "Submitted", userName, null, now);
        report.LastSaveKey = null;   // the version moved on without a draft save: no page may skip the Version check
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        await Inbox.ToCoordinatorsAsync(db,
            again ? $"{report.Agency!.Name} đã gửi lại báo cáo {report.Period.Title} sau khi sửa." : $"{report.Agency!.Name} đã gửi báo cáo {report.Period.Title}.",
            ReportUrl(report), now, ct);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(report, ct);
        return Outcome<AgencyReport>.Ok(report);
    }

    /// <summary>
    /// The coordinator accepts (activity statuses follow the report) or returns with comments (overall and per entry).
    /// </summary>
    public async Task<Outcome<AgencyReport>> ReviewAsync(int reportId, Guid version, bool accept, string? comment,
        IReadOnlyDictionary<int, string?> entryComments, string userName, CancellationToken ct = default)
    {
        var report = await LoadAsync(reportId, ct);
        if (report is null) return Outcome<AgencyReport>.NotFound();
        if (report.State != ReportState.Submitted)
            return report.Version != version && report.State is ReportState.Accepted or ReportState.Returned
                ? Outcome<AgencyReport>.Ok(report)   // the same review posted twice
                : new(OutcomeKind.Forbidden, report, "Chỉ xem xét được báo cáo đã gửi và đang chờ xem xét.");
        if (report.Version != version) return Outcome<AgencyReport>.Conflict(report, StaleMessage);

        var tooLong = new Dictionary<string, string>();
        Limits.Check(tooLong, "ReviewComment", "Ý kiến", comment, Limits.Text);
        foreach (var (id, c) in entryComments) Limits.Check(tooLong, $"EntryComments[{id}]", "Ý kiến theo hoạt động", c, Limits.Text);
        if (tooLong.Count > 0) return Outcome<AgencyReport>.Invalid(tooLong);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!accept)
        {
            var hasItemComment = entryComments.Values.Any(c => !string.IsNullOrWhiteSpace(c));
            if (string.IsNullOrWhiteSpace(comment) && !hasItemComment)
                return Outcome<AgencyReport>.Invalid("ReviewComment", "Trả lại báo cáo cần có ý kiến: hãy ghi điều cơ quan phải sửa (chung hoặc theo từng hoạt động).");
            foreach (var e in report.Entries)
                e.ReviewComment = entryComments.TryGetValue(e.Id, out var c) && !string.IsNullOrWhiteSpace(c) ? c.Trim() : null;
            report.State = ReportState.Returned;
        }
        else
        {
            report.State = ReportState.Accepted;
            foreach (var e in report.Entries) e.ReviewComment = null;
        }
        report.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        report.ReviewedAtUtc = now;
        report.UpdatedAtUtc = now;
        KeepVersion(report, accept ? "Accepted" : "Returned", userName, report.ReviewComment, now);
        report.LastSaveKey = null;   // the version moved on without a draft save: no page may skip the Version check
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        Inbox.ToAgency(db, report.AgencyId, accept
                ? $"Báo cáo {report.Period!.Title} đã được tiếp nhận."
                : $"Báo cáo {report.Period!.Title} bị trả lại để sửa: {(report.ReviewComment ?? "xem ý kiến theo từng hoạt động").TrimEnd('.')}.",
            ReportUrl(report), now);
        await db.SaveChangesAsync(ct);
        await ChangedAsync(report, ct);
        return Outcome<AgencyReport>.Ok(report);
    }

    static string ReportUrl(AgencyReport r) => $"/Reports/Periods/{r.PeriodId}/Agencies/{r.AgencyId}";

    /// <summary>
    /// A submission or review changed the period's figures: cached views are stale, and the plan pages' stored
    /// activity status follows the latest period's figures (Progress; never the last report reviewed).
    /// </summary>
    async Task ChangedAsync(AgencyReport report, CancellationToken ct)
    {
        dashboards?.Changed();
        if (progress is not null && report.Period!.Kind != ReportingPeriodKind.AdHoc)
            await progress.RecordStatesAsync(report.Period.PlanId, ct);
    }

    /// <summary>Attaches an uploaded file to an entry (checked and stored once by FileStore).</summary>
    public async Task<Outcome<int>> AddFileAsync(int reportId, int entryId, FileStore files, Stream content, long length, string fileName,
        CancellationToken ct = default)
    {
        var (_, entry, refusal) = await EntryForEditAsync(reportId, entryId, ct);
        if (refusal is not null) return refusal;
        var (saved, error) = await files.SaveAsync(content, length, fileName, ct);
        if (saved is null) return Outcome<int>.Invalid("File", error!);
        // Evidence is its own row: adding it leaves the report (and its Version) alone, so uploads at the same
        // moment, and an officer typing in the open draft, do not conflict with each other.
        for (var attempt = 1; ; attempt++)
        {
            var file = await StoredFiles.RowForAsync(db, saved, clock.GetUtcNow().UtcDateTime, ct);
            db.Add(new Evidence { EntryId = entryId, File = file, FileName = Truncate(saved.FileName, Limits.Name) });
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<int>.Ok(entry!.Id);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The same content uploaded at the same moment: its file row now exists; use it.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Adds a reference to an issued document (số hiệu, ngày, trích yếu) as evidence.</summary>
    public async Task<Outcome<int>> AddDocumentAsync(int reportId, int entryId, string? number, DateOnly? date, string? summary,
        CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(summary))
            return Outcome<int>.Invalid("Document", "Văn bản minh chứng cần số hiệu và trích yếu (ví dụ: 125/SNV-CCHC, \"V/v triển khai …\").");
        if ((Limits.TooLong("Số hiệu văn bản", number.Trim(), Limits.ShortText) ?? Limits.TooLong("Trích yếu", summary.Trim(), Limits.Text)) is { } tooLong)
            return Outcome<int>.Invalid("Document", tooLong);
        var (_, entry, refusal) = await EntryForEditAsync(reportId, entryId, ct);
        if (refusal is not null) return refusal;
        entry!.Evidence.Add(new Evidence { DocNumber = number.Trim(), DocDate = date, DocSummary = summary.Trim() });
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(entry.Id);
    }

    public async Task<Outcome<int>> RemoveEvidenceAsync(int reportId, int evidenceId, CancellationToken ct = default)
    {
        var evidence = await db.Set<Evidence>().FirstOrDefaultAsync(v => v.Id == evidenceId, ct);
        if (evidence is null) return Outcome<int>.NotFound();
        var (_, entry, refusal) = await EntryForEditAsync(reportId, evidence.EntryId, ct);
        if (refusal is not null) return refusal;
        db.Remove(evidence);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Ok(entry!.Id);
    }

    async Task<(AgencyReport?, ReportEntry?, Outcome<int>?)> EntryForEditAsync(int reportId, int entryId, CancellationToken ct)
    {
        var report = await db.Set<AgencyReport>().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        var entry = await db.Set<ReportEntry>().Include(e => e.Evidence).FirstOrDefaultAsync(e => e.Id == entryId && e.ReportId == reportId, ct);
        if (report is null || entry is null) return (null, null, Outcome<int>.NotFound());
        if (report.IsLocked) return (null, null, new Outcome<int>(OutcomeKind.Forbidden, Message: LockedMessage));
        return (report, entry, null);
    }

    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    void KeepVersion(AgencyReport report, string action, string userName, string? comment, DateTime now)
    {
        report.Revision++;
        db.Add(new ReportVersion
        {
            ReportId = report.Id, Number = report.Revision, Action = action, AtUtc = now, UserName = userName, Comment = comment,
            Content = JsonSerializer.Serialize(Snapshot.Of(report), Json),
        });
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

/// <summary>The content of a kept version (what the agency said and what the reviewer answered).</summary>
public sealed record Snapshot(string State, string? Results, string? Limitations, string? Difficulties, string? Proposals, string? Answers,
    string? ReviewComment, IReadOnlyList<Snapshot.Item> Items, IReadOnlyList<Snapshot.Actual> Actuals)
{
    public sealed record Item(int ActivityId, string? Code, string Activity, bool Leads, string? Status, int? Percent, string? WorkDone,
        string? Reason, DateOnly? CompletedOn, string? ReviewComment, IReadOnlyList<string> Evidence);

    public sealed record Actual(int MeasureId, decimal Value);

    public static Snapshot Of(AgencyReport r) => new(r.State.ToString(), r.Results, r.Limitations, r.Difficulties, r.Proposals, r.Answers,
        r.ReviewComment,
        r.Entries.OrderBy(e => e.Activity?.Order).Select(e => new Item(e.ActivityId, e.Activity?.Code, e.Activity?.Text ?? "", e.Leads,
            e.Status is { } s ? ReportLabels.Of(s) : null, e.Percent, e.WorkDone, e.Reason, e.CompletedOn, e.ReviewComment,
            e.Evidence.Select(ReportLabels.Describe).ToList())).ToList(),
        r.Actuals.Select(a => new Actual(a.MeasureId, a.Value)).ToList());
}

public static class ReportLabels
{
    public static string Of(ReportedStatus s) => s switch
    {
        ReportedStatus.NotStarted => "Chưa triển khai",
        ReportedStatus.InProgress => "Đang thực hiện",
        ReportedStatus.Done => "Hoàn thành",
        ReportedStatus.DoneLate => "Hoàn thành quá hạn",
        _ => "Không thực hiện",
    };

    public static string Of(ReportState s) => s switch
    {
        ReportState.Draft => "Đang soạn",
        ReportState.Submitted => "Đã gửi, chờ xem xét",
        ReportState.Returned => "Bị trả lại để sửa",
        _ => "Đã tiếp nhận",
    };

    public static string Action(string action) => action switch
    {
        "Submitted" => "Gửi báo cáo",
        "Returned" => "Trả lại",
        "Accepted" => "Tiếp nhận",
        _ => action,
    };

    public static string Describe(Evidence v) => v.FileId is not null
        ? $"Tệp: {v.FileName}"
        : $"Văn bản số {v.DocNumber}{(v.DocDate is { } d ? $" ngày {d:dd/MM/yyyy}" : "")}: {v.DocSummary}";
}
