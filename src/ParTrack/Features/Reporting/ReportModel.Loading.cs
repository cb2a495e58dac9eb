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

/// <summary>Access checks, loading the page's data, and answering a refused step on the page.</summary>
public sealed partial class ReportModel
{
    /// <summary>Officers of another agency get 404 (the report's existence is not theirs to know); read-only roles get 403 on changes.</summary>
    async Task<IActionResult?> DenyAsync(int periodId, int agencyId, bool edit = false)
    {
        if (Deny(agencyId, edit) is { } deny) return deny;
        return await OpenAsync(periodId, agencyId) ? null : NotFound();
    }

    /// <summary>The period and the agency exist, and an ad-hoc request (its title, its questions) asked this agency: else 404 for everyone.</summary>
    async Task<bool> OpenAsync(int periodId, int agencyId)
    {
        if (!await db.Set<ReportPeriod>().AnyAsync(p => p.Id == periodId) || !await db.Agencies.AnyAsync(a => a.Id == agencyId)) return false;
        return !await db.Set<ReportPeriod>().AnyAsync(p => p.Id == periodId && p.Kind == ReportingPeriodKind.AdHoc)
            || await db.Set<ReportRequestAgency>().AnyAsync(r => r.PeriodId == periodId && r.AgencyId == agencyId);
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
        await LoadHeaderAsync(periodId, agencyId, create);
        _contentLoaded = false;   // a refused post reads the report again, as it is now
        await ContentAsync();
    }

    /// <summary>The period, the agency, the report's own row (no entries), its versions and its entries' evidence ids: what the page shows outside its cached parts.</summary>
    sealed record Header(ReportPeriod Period, Agency Agency, AgencyReport? Report, List<ReportVersion> Versions, IReadOnlyList<EntryForms> Forms);

    async Task LoadHeaderAsync(int periodId, int agencyId, bool create) => Show(await HeaderAsync(periodId, agencyId, create));

    async Task<Header> HeaderAsync(int periodId, int agencyId, bool create)
    {
        var period = await db.Set<ReportPeriod>().AsNoTracking().FirstAsync(p => p.Id == periodId);
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == agencyId);
        var reportId = create ? await work.EnsureAsync(periodId, agencyId) : await ReportIdAsync(periodId, agencyId);
        if (reportId is null) return new Header(period, agency, null, [], []);
        var report = await db.Set<AgencyReport>().AsNoTracking().FirstAsync(r => r.Id == reportId);
        var versions = await db.Set<ReportVersion>().AsNoTracking().Where(v => v.ReportId == report.Id).OrderByDescending(v => v.Number).ToListAsync();
        var rows = await db.Set<ReportEntry>().AsNoTracking().Where(e => e.ReportId == report.Id)
            .Select(e => new { e.Id, Evidence = e.Evidence.Select(v => v.Id).ToList() }).ToListAsync();
        return new Header(period, agency, report, versions, rows.Select(e => new EntryForms(e.Id, e.Evidence)).ToList());
    }

    IReadOnlyList<EntryForms> _forms = [];

    void Show(Header h)
    {
        (Period, Agency, Report, Versions, _forms) = (h.Period, h.Agency, h.Report, h.Versions, h.Forms);
        // Outside the kept header: the day moves without a write.
        Timeliness = Timeliness.Evaluate(Period.Deadline, Report?.FirstSubmittedAtUtc, VietnamTime.Today(clock));
    }

    bool _contentLoaded;
    /// <summary>Set by a GET: the fields show what is stored once the content is read (a refused post shows what was typed).</summary>
    bool _fillOnLoad;

    /// <summary>
    /// The report's entries with their activities and evidence, the targets, the coordinating agencies' contributions: the
    /// heavy part, read once, by the page inside its cached parts on a GET (so a cached page reads none of it).
    /// </summary>
    public async Task ContentAsync()
    {
        if (_contentLoaded || Report is null) return;
        _contentLoaded = true;
        Report = await work.LoadAsync(Report.Id);
        var r = Report!;
        var periodId = Period.Id;
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
        if (_fillOnLoad) Fill(r);
    }

    /// <summary>One entry's evidence forms (upload, document, removals): they carry the user's form token, so they are never in a cached part.</summary>
    public sealed record EntryForms(int EntryId, IReadOnlyList<int> EvidenceIds);

    /// <summary>The ids the evidence forms need, from the content when it was read, else from the header.</summary>
    public IReadOnlyList<EntryForms> EvidenceForms() =>
        Report is null ? []
        : _contentLoaded ? Report.Entries.Select(e => new EntryForms(e.Id, e.Evidence.Select(v => v.Id).ToList())).ToList()
        : _forms;

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
