using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;

/// <summary>
/// One agency's report for one period: the agency fills and submits it; the coordinator accepts or returns it.
/// Officers reach only their own agency's report (404 otherwise), on every handler.
/// </summary>
public sealed class ReportModel(AppDbContext db, CurrentUser me, ReportWork work, Obligations obligations, FileStore files, TimeProvider clock)
    : PageModel
{
    public sealed class EntryForm
    {
        public int EntryId { get; set; }
        public ReportedStatus? Status { get; set; }
        public int? Percent { get; set; }
        public string? WorkDone { get; set; }
        public string? Reason { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public bool Confirm { get; set; }
    }

    public sealed record Contribution(string AgencyName, string? WorkDone, IReadOnlyList<Evidence> Evidence);

    [BindProperty] public Guid Version { get; set; }
    /// <summary>A random id per page load (the script makes its own): lets a save recognise this page's earlier save.</summary>
    [BindProperty] public string? SaveKey { get; set; }
    [BindProperty] public string? Results { get; set; }
    [BindProperty] public string? Limitations { get; set; }
    [BindProperty] public string? Difficulties { get; set; }
    [BindProperty] public string? Proposals { get; set; }
    [BindProperty] public string? Answers { get; set; }
    [BindProperty] public List<EntryForm>? Entries { get; set; } = [];
    /// <summary>Read from "Actuals[measureId]" fields by hand: a bound dictionary falls back to every form key when none is posted.</summary>
    public Dictionary<int, decimal?>? Actuals { get; set; } = [];
    [BindProperty] public string? ReviewComment { get; set; }
    [BindProperty] public bool ConfirmActuals { get; set; }
    public Dictionary<int, string?>? EntryComments { get; set; } = [];

    public AgencyReport? Report { get; private set; }
    /// <summary>After a conflicting save: the report as someone else saved it meanwhile, shown beside the typed text.</summary>
    public AgencyReport? Theirs { get; private set; }

    public const string ConflictKeptMessage =
        "Báo cáo vừa được người khác lưu trong lúc bạn nhập. Nội dung bạn nhập vẫn còn trong các ô; bản đã lưu của người kia hiện ở khung bên dưới. " +
        "Hãy so sánh, giữ phần cần thiết rồi bấm Lưu nháp để lưu bản của bạn.";
    public ReportPeriod Period { get; private set; } = null!;
    public Agency Agency { get; private set; } = null!;
    public List<Data.TargetMeasure> Measures { get; private set; } = [];
    public Dictionary<int, PlanTarget> TargetsById { get; private set; } = [];
    public Dictionary<int, List<Contribution>> Contributions { get; private set; } = [];
    public List<ReportVersion> Versions { get; private set; } = [];
    public Timeliness Timeliness { get; private set; } = null!;
    public bool CanEdit => Report is { IsLocked: false } && me.CanEditAgencyWork(Agency.Id);
    public bool CanReview => Report is { State: ReportState.Submitted } && me.IsCoordinator;
    public string FormUrl => $"/Reports/Periods/{Period.Id}/Agencies/{Agency.Id}";

    /// <summary>Before the report exists: the activities the agency owes in this period, shown with "Bắt đầu báo cáo".</summary>
    public List<Activity> Owed { get; private set; } = [];
    /// <summary>Only the user's own agency's officers (and coordinators) start a report; the page offers it when none exists yet.</summary>
    public bool CanStart => Report is null && Owes && me.CanEditAgencyWork(Agency.Id);
    /// <summary>The agency owes a report in this period (an ad-hoc request owes answers, not activities).</summary>
    public bool Owes { get; private set; }

    /// <summary>
    /// Shows the report. A GET never creates it (finding 20b: a link preview or crawler must not start a draft); an
    /// existing draft still gains the activities assigned since (that changes no answer).
    /// </summary>
    public async Task<IActionResult> OnGetAsync(int periodId, int agencyId)
    {
        if (await DenyAsync(periodId, agencyId) is { } deny) return deny;
        var exists = await ReportIdAsync(periodId, agencyId) is not null;
        await LoadAsync(periodId, agencyId, create: exists && me.CanEditAgencyWork(agencyId));
        if (Report is not null) Fill(Report);
        else await LoadOwedAsync();
        return Page();
    }

    /// <summary>The agency's report to Sở Nội vụ as a DOCX in the official form, ready to sign (whoever may read the report).</summary>
    public async Task<IActionResult> OnGetDocxAsync(int periodId, int agencyId, [FromServices] Documents.AgencyReportDocument document)
    {
        if (await DenyAsync(periodId, agencyId) is { } deny) return deny;
        var file = await document.DocxAsync(periodId, agencyId, HttpContext.RequestAborted);
        return file is null ? NotFound() : File(file.Content, file.ContentType, file.Name);
    }

    /// <summary>"Bắt đầu báo cáo": creates the draft (carrying the previous period's answers forward), once however often posted.</summary>
    public async Task<IActionResult> OnPostStartAsync(int periodId, int agencyId)
    {
        if (await DenyAsync(periodId, agencyId, edit: true) is { } deny) return deny;
        if (await work.EnsureAsync(periodId, agencyId) is null) return NotFound();
        return Redirect(PageUrl(periodId, agencyId));
    }

    async Task LoadOwedAsync()
    {
        if (await obligations.ForAgencyAsync(Period, Agency.Id) is not { } owed) return;
        Owes = true;
        var ids = owed.Leads.Concat(owed.Supports).ToList();
        Owed = await db.Activities.AsNoTracking().Include(a => a.Area).Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.Area == null ? int.MaxValue : a.Area.Order).ThenBy(a => a.Order).ToListAsync();
    }

    /// <summary>Save the draft.</summary>
    public Task<IActionResult> OnPostAsync(int periodId, int agencyId) => SaveAsync(periodId, agencyId, submit: false);

    /// <summary>Save what is on the form, then submit.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int periodId, int agencyId) => SaveAsync(periodId, agencyId, submit: true);

    /// <summary>
    /// The page's script saves the draft as the user types ("drafts save as you go"): the same save as
    /// "Lưu nháp", answered with the new Version as JSON instead of a re-rendered page.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int periodId, int agencyId)
    {
        if (Deny(agencyId, edit: true) is { } deny) return deny;
        var reportId = await ReportIdAsync(periodId, agencyId) ?? await work.EnsureAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        var saved = await SaveDraftAsync(reportId.Value);
        if (saved.IsOk)
            return new JsonResult(new { version = saved.Value!.Version, savedAt = VietnamTime.Now(clock).ToString("HH:mm:ss") });
        return new JsonResult(new { message = saved.Message ?? "Có nội dung chưa hợp lệ; hãy xem các ô được đánh dấu rồi bấm Lưu nháp.", errors = saved.Errors })
        {
            StatusCode = saved.Kind switch
            {
                OutcomeKind.NotFound => StatusCodes.Status404NotFound,
                OutcomeKind.Conflict or OutcomeKind.Forbidden => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status422UnprocessableEntity,
            },
        };
    }

    async Task<IActionResult> SaveAsync(int periodId, int agencyId, bool submit)
    {
        // No existence checks: a report found for (period, agency) proves both, and EnsureAsync returns null otherwise.
        if (Deny(agencyId, edit: true) is { } deny) return deny;
        // The form was made from an existing report (opening the page creates it); only a first post creates one.
        var reportId = await ReportIdAsync(periodId, agencyId) ?? await work.EnsureAsync(periodId, agencyId);
        if (reportId is null) return NotFound();

        if (submit && await db.Set<AgencyReport>().AnyAsync(r => r.Id == reportId && r.State != ReportState.Draft && r.State != ReportState.Returned))
        {
            // A second click on "Gửi": the first one already submitted.
            var again = await work.SubmitAsync(reportId.Value, Version, me.UserName);
            if (again.IsOk) { TempData["Message"] = "Báo cáo đã được gửi."; return Redirect(PageUrl(periodId, agencyId)); }
        }
        var saved = await SaveDraftAsync(reportId.Value);
        if (!saved.IsOk) return await Refuse(saved, periodId, agencyId);
        if (!submit)
        {
            TempData["Message"] = "Đã lưu bản nháp.";
            return Redirect(PageUrl(periodId, agencyId));
        }
        db.ChangeTracker.Clear();
        var submitted = await work.SubmitAsync(reportId.Value, saved.Value!.Version, me.UserName);
        if (!submitted.IsOk) return await Refuse(submitted, periodId, agencyId, keepInput: false);
        var late = Timeliness.Evaluate(submitted.Value!.Period!.Deadline, submitted.Value.FirstSubmittedAtUtc, VietnamTime.Today(clock));
        TempData["Message"] = late.Kind == TimelinessKind.Late
            ? $"Đã gửi báo cáo. Báo cáo gửi sau hạn ({late.Label.ToLowerInvariant()})."
            : "Đã gửi báo cáo. Sở Nội vụ sẽ xem xét và phản hồi.";
        return Redirect(PageUrl(periodId, agencyId));
    }

    public Task<IActionResult> OnPostAcceptAsync(int periodId, int agencyId) => ReviewAsync(periodId, agencyId, accept: true);

    public Task<IActionResult> OnPostReturnAsync(int periodId, int agencyId) => ReviewAsync(periodId, agencyId, accept: false);

    async Task<IActionResult> ReviewAsync(int periodId, int agencyId, bool accept)
    {
        if (!me.IsCoordinator) return me.CanSeeAgency(agencyId) ? Forbid() : NotFound();
        var reportId = await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        EntryComments = Indexed("EntryComments");
        var result = await work.ReviewAsync(reportId.Value, Version, accept, ReviewComment, EntryComments, me.UserName);
        if (!result.IsOk) return await Refuse(result, periodId, agencyId, keepInput: false);
        TempData["Message"] = accept ? "Đã tiếp nhận báo cáo." : "Đã trả lại báo cáo kèm ý kiến.";
        return Redirect(PageUrl(periodId, agencyId));
    }

    public async Task<IActionResult> OnPostUploadAsync(int periodId, int agencyId, int entryId, IFormFile? file)
    {
        if (await DenyAsync(periodId, agencyId, edit: true) is { } deny) return deny;
        var reportId = await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        if (file is null)
            return await Message(periodId, agencyId, "Chưa chọn tệp. Hãy chọn tệp minh chứng (PDF, DOCX, XLSX, PNG, JPEG) rồi bấm Tải lên.");
        await using var stream = file.OpenReadStream();
        var result = await work.AddFileAsync(reportId.Value, entryId, files, stream, file.Length, file.FileName);
        if (!result.IsOk) return await Refuse(result, periodId, agencyId);
        TempData["Message"] = $"Đã tải lên tệp {Path.GetFileName(file.FileName)}.";
        return Redirect(PageUrl(periodId, agencyId) + $"#entry-{entryId}");
    }

    public async Task<IActionResult> OnPostDocumentAsync(int periodId, int agencyId, int entryId, string? docNumber, DateOnly? docDate, string? docSummary)
    {
        if (await DenyAsync(periodId, agencyId, edit: true) is { } deny) return deny;
        var reportId = await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        if (ModelState[nameof(docDate)] is { ValidationState: Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid } bad)
            return await Message(periodId, agencyId, FormInput.Message("Ngày văn bản", bad.AttemptedValue));
        var result = await work.AddDocumentAsync(reportId.Value, entryId, docNumber, docDate, docSummary);
        if (!result.IsOk) return await Refuse(result, periodId, agencyId);
        TempData["Message"] = "Đã thêm văn bản minh chứng.";
        return Redirect(PageUrl(periodId, agencyId) + $"#entry-{entryId}");
    }

    public async Task<IActionResult> OnPostRemoveEvidenceAsync(int periodId, int agencyId, int evidenceId)
    {
        if (await DenyAsync(periodId, agencyId, edit: true) is { } deny) return deny;
        var reportId = await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return NotFound();
        var result = await work.RemoveEvidenceAsync(reportId.Value, evidenceId);
        if (!result.IsOk) return await Refuse(result, periodId, agencyId);
        TempData["Message"] = "Đã xóa minh chứng.";
        return Redirect(PageUrl(periodId, agencyId) + $"#entry-{result.Value}");
    }

    static readonly Dictionary<string, string> EntryLabels = new() { ["Percent"] = "Tỷ lệ hoàn thành (%)", ["CompletedOn"] = "Ngày hoàn thành", ["Status"] = "Tình trạng" };

    Task<Outcome<AgencyReport>> SaveDraftAsync(int reportId)
    {
        // A value that cannot be read refuses the whole save: saving it as empty would erase what is stored.
        var unreadable = FormInput.Unreadable(ModelState, EntryLabels, "Entries[");
        Actuals = [];
        foreach (var (id, text) in Indexed("Actuals"))
            if (text is null) Actuals[id] = null;
            else if (FormInput.TryNumber(text, out var d)) Actuals[id] = d;
            else unreadable[$"Actuals[{id}]"] = FormInput.Message("Số liệu thực hiện chỉ tiêu", text);
        if (unreadable.Count > 0)
        {
            foreach (var key in unreadable.Keys) ModelState.Remove(key);
            return Task.FromResult(Outcome<AgencyReport>.Invalid(unreadable));
        }
        var input = new DraftInput(Results, Limitations, Difficulties, Proposals, Answers,
            (Entries ?? []).Select(e => new EntryInput(e.EntryId, e.Status, e.Percent, e.WorkDone, e.Reason, e.CompletedOn, e.Confirm)).ToList(), Actuals ?? [],
            ConfirmActuals);
        return work.SaveDraftAsync(reportId, Version, input, saveKey: SaveKey);
    }

    /// <summary>Form fields named prefix[id], by id.</summary>
    Dictionary<int, string?> Indexed(string prefix)
    {
        var result = new Dictionary<int, string?>();
        foreach (var (key, value) in Request.Form)
            if (key.StartsWith(prefix + "[") && key.EndsWith(']') && int.TryParse(key[(prefix.Length + 1)..^1], out var id))
                result[id] = string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString();
        return result;
    }

    static string PageUrl(int periodId, int agencyId) => $"/Reports/Periods/{periodId}/Agencies/{agencyId}";

    /// <summary>Officers of another agency get 404 (the report's existence is not theirs to know); read-only roles get 403 on changes.</summary>
    async Task<IActionResult?> DenyAsync(int periodId, int agencyId, bool edit = false)
    {
        if (Deny(agencyId, edit) is { } deny) return deny;
        if (!await db.Set<ReportPeriod>().AnyAsync(p => p.Id == periodId) || !await db.Agencies.AnyAsync(a => a.Id == agencyId)) return NotFound();
        // An ad-hoc request (its title, its questions) exists only for the agencies asked.
        if (await db.Set<ReportPeriod>().AnyAsync(p => p.Id == periodId && p.Kind == ReportingPeriodKind.AdHoc)
            && !await db.Set<ReportRequestAgency>().AnyAsync(r => r.PeriodId == periodId && r.AgencyId == agencyId)) return NotFound();
        return null;
    }

    IActionResult? Deny(int agencyId, bool edit) =>
        !me.CanSeeAgency(agencyId) ? NotFound()
        : edit && !me.CanEditAgencyWork(agencyId) ? Forbid()
        : null;

    Task<int?> ReportIdAsync(int periodId, int agencyId) =>
        db.Set<AgencyReport>().Where(r => r.PeriodId == periodId && r.AgencyId == agencyId).Select(r => (int?)r.Id).FirstOrDefaultAsync();

    async Task<IActionResult> Refuse<T>(Outcome<T> result, int periodId, int agencyId, bool keepInput = true)
    {
        if (result.Kind == OutcomeKind.NotFound) return NotFound();
        db.ChangeTracker.Clear();
        await LoadAsync(periodId, agencyId, create: false);
        // On a lock the page shows what is stored now. On a conflict it keeps what was typed (yours) beside what
        // was saved meanwhile (theirs), with the new Version, so saving again is a deliberate overwrite.
        if (keepInput && result.Kind == OutcomeKind.Conflict && Report is not null)
        {
            Theirs = Report;
            Version = Report.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", ConflictKeptMessage);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if ((!keepInput || result.Kind is OutcomeKind.Conflict or OutcomeKind.Forbidden) && Report is not null)
        {
            ModelState.Remove(nameof(Version));
            Fill(Report);
        }
        else if (Report is not null)
        {
            Version = Report.Version;
            ModelState.Remove(nameof(Version));
        }
        // After Fill, which clears the entry fields' state.
        if (result.Errors is { } errors) foreach (var (k, v) in errors) ModelState.AddModelError(k, v);
        else ModelState.AddModelError("", result.Message!);
        Response.StatusCode = result.Kind switch
        {
            OutcomeKind.Conflict => StatusCodes.Status409Conflict,
            OutcomeKind.Forbidden => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return Page();
    }

    async Task<IActionResult> Message(int periodId, int agencyId, string message)
    {
        await LoadAsync(periodId, agencyId, create: false);
        if (Report is not null) Fill(Report);
        ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task LoadAsync(int periodId, int agencyId, bool create)
    {
        Period = await db.Set<ReportPeriod>().AsNoTracking().FirstAsync(p => p.Id == periodId);
        Agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agencyId);
        var reportId = create ? await work.EnsureAsync(periodId, agencyId) : await ReportIdAsync(periodId, agencyId);
        var submittedAt = reportId is null ? null : await db.Set<AgencyReport>().Where(r => r.Id == reportId).Select(r => r.FirstSubmittedAtUtc).FirstAsync();
        Timeliness = Timeliness.Evaluate(Period.Deadline, submittedAt, VietnamTime.Today(clock));
        if (reportId is null) return;
        Report = await work.LoadAsync(reportId.Value);
        var r = Report!;
        r.Entries = r.Entries.OrderBy(e => !e.Leads).ThenBy(e => e.Activity!.Area?.Order ?? int.MaxValue).ThenBy(e => e.Activity!.Order).ToList();

        Measures = await obligations.MeasuresForAsync(Period.PlanId, r.Entries.Where(e => e.Leads).Select(e => e.ActivityId).ToList());
        var targetIds = Measures.Select(m => m.TargetId).Distinct().ToList();
        TargetsById = await db.PlanTargets.AsNoTracking().Include(t => t.Area).Where(t => targetIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id);

        // Coordinating agencies' contributions to the activities this agency leads, in the same period.
        var leadIds = r.Entries.Where(e => e.Leads).Select(e => e.ActivityId).ToList();
        // From this period's sent reports (a few hundred) rather than from every entry of these activities in every period.
        var coordinating = await (
                from x in db.Set<AgencyReport>()
                where x.PeriodId == periodId && x.Id != r.Id && x.State != ReportState.Draft
                join e in db.Set<ReportEntry>() on x.Id equals e.ReportId
                where !e.Leads && leadIds.Contains(e.ActivityId)
                join a in db.Agencies on x.AgencyId equals a.Id
                select new { e.Id, Agency = a.Name })
            .AsNoTracking().ToListAsync();
        var coordinatingIds = coordinating.Select(c => c.Id).ToList();
        var agencyOf = coordinating.ToDictionary(c => c.Id, c => c.Agency);
        var others = (coordinatingIds.Count == 0 ? new List<ReportEntry>() : await db.Set<ReportEntry>().AsNoTracking().Include(e => e.Evidence).ThenInclude(v => v.File)
                .Where(e => coordinatingIds.Contains(e.Id)).ToListAsync())
            .Select(e => new { e, Agency = agencyOf[e.Id] }).ToList();
        Contributions = others.Where(o => o.e.WorkDone is not null || o.e.Evidence.Count > 0)
            .GroupBy(o => o.e.ActivityId).ToDictionary(g => g.Key, g => g.Select(o => new Contribution(o.Agency, o.e.WorkDone, o.e.Evidence)).ToList());
        Versions = await db.Set<ReportVersion>().AsNoTracking().Where(v => v.ReportId == r.Id).OrderByDescending(v => v.Number).ToListAsync();
    }

    void Fill(AgencyReport r)
    {
        Version = r.Version;
        Results = r.Results; Limitations = r.Limitations; Difficulties = r.Difficulties; Proposals = r.Proposals; Answers = r.Answers;
        Entries = r.Entries.Select(e => new EntryForm
        {
            EntryId = e.Id, Status = e.Status, Percent = e.Percent, WorkDone = e.WorkDone, Reason = e.Reason, CompletedOn = e.CompletedOn,
        }).ToList();
        Actuals = r.Actuals.ToDictionary(a => a.MeasureId, a => (decimal?)a.Value);
        ReviewComment = null;
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Entries") || k.StartsWith("Actuals")).ToList()) ModelState.Remove(key);
    }
}
