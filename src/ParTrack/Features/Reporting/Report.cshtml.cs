using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting;

/// <summary>
/// One agency's report for one period: the agency fills and submits it; the coordinator accepts or returns it.
/// Officers reach only their own agency's report (404 otherwise), on every handler.
/// </summary>
public sealed partial class ReportModel(AppDbContext db, CurrentUser me, ReportWork work, Obligations obligations, FileStore files, TimeProvider clock,
    SubmitConfirmation confirmations, FragmentCache fragments, SteadyReads reads)
    : PageModel
{
    /// <summary>The rendered entries, targets and narrative are kept under this key (<see cref="FragmentCache"/>); null: not kept.</summary>
    public string? Fragment { get; private set; }

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
        // Before anything is read (the key holds the data version). Role and agency decide, with the data, whether the
        // viewer edits, reviews or reads; the page adds that to the key of each part all the same.
        Fragment = fragments.Key($"/Reports/Periods/{periodId}/Agencies/{agencyId}", FragmentCache.ScopeOf(me.Scope));
        // The checks and the header are kept per data version (SteadyReads): a cached page runs no command.
        if (Deny(agencyId, edit: false) is { } deny) return deny;
        if (!await reads.GetAsync($"report-open:{periodId}:{agencyId}", () => OpenAsync(periodId, agencyId))) return NotFound();
        // Gaining the activities assigned since is needed once per data version: until something changes there is nothing new.
        if (me.CanEditAgencyWork(agencyId))
            await fragments.OnceAsync(Fragment, async () => { if (await ReportIdAsync(periodId, agencyId) is not null) await work.EnsureAsync(periodId, agencyId); });
        // After that step, which may write (the key then takes the new data version).
        Show(await reads.GetAsync($"report-header:{periodId}:{agencyId}", () => HeaderAsync(periodId, agencyId, create: false)));
        if (Report is not null) Version = Report.Version;
        else await LoadOwedAsync();
        _fillOnLoad = true;
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

    /// <summary>Save what is on the form, then ask to confirm the submission with what it will send.</summary>
    public Task<IActionResult> OnPostSubmitAsync(int periodId, int agencyId) => SaveAsync(periodId, agencyId, submit: true);

    /// <summary>
    /// The page's script saves the draft as the user types ("drafts save as you go"): the same save as
    /// "Lưu nháp", answered with the new Version as JSON instead of a re-rendered page.
    /// </summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int periodId, int agencyId)
    {
        if (Deny(agencyId, edit: true) is { } deny) return deny;
        var saved = await SaveDraftAsync(periodId, agencyId);
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
            if (again.IsOk) { this.SetMessage("Báo cáo đã được gửi."); return Redirect(PageUrl(periodId, agencyId)); }
        }
        var saved = await SaveDraftAsync(periodId, agencyId);
        if (!saved.IsOk) return await Refuse(saved, periodId, agencyId);
        if (!submit)
        {
            this.SetMessage("Đã lưu bản nháp.");
            return Redirect(PageUrl(periodId, agencyId));
        }
        // "Gửi báo cáo" saves what was typed, then asks (with the counts); only the confirmation sends (ReportModel.Submit.cs).
        db.ChangeTracker.Clear();
        return await AskToSubmitAsync(periodId, agencyId);
    }

    static readonly Dictionary<string, string> EntryLabels = new() { ["Percent"] = "Tỷ lệ hoàn thành (%)", ["CompletedOn"] = "Ngày hoàn thành", ["Status"] = "Tình trạng" };

    Task<Outcome<AgencyReport>> SaveDraftAsync(int periodId, int agencyId)
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
        return work.SaveDraftAsync(periodId, agencyId, Version, input, saveKey: SaveKey);
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
}
