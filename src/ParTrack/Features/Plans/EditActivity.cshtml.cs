using ParTrack.Features.Agencies;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

public sealed class EditActivityModel(AppDbContext db, CurrentUser me, ActivityEditing editing, PlanLifecycle lifecycle, FormOnce once)
    : PlanPageModel(db, me)
{
    public sealed class ActivityForm
    {
        [StringLength(Limits.Code)] public string? Code { get; set; }
        [Required(ErrorMessage = "Hãy nhập nội dung hoạt động.")] public string Text { get; set; } = "";
        public string? Outputs { get; set; }
        public int? AreaId { get; set; }
        public int? TaskId { get; set; }
        /// <summary>One body per line, as written in the plan.</summary>
        public string? Lead { get; set; }
        public string? Support { get; set; }
        public string? DueText { get; set; }
        public string DueKind { get; set; } = "unknown";
        public DateOnly? DueStart { get; set; }
        public DateOnly? DueEnd { get; set; }
        /// <summary>The deadline text the window on the form belongs to: when the text changes, it is read again.</summary>
        public string? DueReadFrom { get; set; }
        public string? Budget { get; set; }
        public ActivityStatus Status { get; set; }
        public Guid Version { get; set; }
    }

    [BindProperty] public ActivityForm Form { get; set; } = new();
    public Plan Plan { get; private set; } = null!;
    public int? ActivityId { get; private set; }
    public SavedActivity? Theirs { get; private set; }
    public List<Assignment> Current { get; private set; } = [];
    /// <summary>The window read from a changed deadline text, shown before it is saved.</summary>
    public string? DueUnderstood { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? activityId)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        if (await LoadAsync(id, activityId) is { } missing) return missing;
        if (activityId is not null)
        {
            var a = await Db.Activities.AsNoTracking().Include(x => x.Assignments).FirstAsync(x => x.Id == activityId);
            Current = a.Assignments.OrderBy(x => x.Role).ThenBy(x => x.Order).ToList();
            Form = new ActivityForm
            {
                Code = a.Code, Text = a.Text, Outputs = a.Outputs, AreaId = a.AreaId, TaskId = a.TaskId,
                Lead = Lines(a, AssignmentRole.Lead), Support = Lines(a, AssignmentRole.Support),
                DueText = a.DueText, DueKind = a.DueKind, DueStart = a.DueStart, DueEnd = a.DueEnd, DueReadFrom = a.DueText,
                Budget = a.Budget, Status = a.Status, Version = a.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? activityId)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        if (await LoadAsync(id, activityId) is { } missing) return missing;
        if (activityId is null && await once.EarlierResultAsync() is { } earlier) return Redirect(earlier);
        if (!ModelState.IsValid) return Page();
        if (!ReadDueText()) return Page();

        var input = new ActivityInput(Form.Code, Form.Text, Form.Outputs, Form.AreaId, Form.TaskId,
            Bodies(Form.Lead), Bodies(Form.Support), Form.DueText, Form.DueKind, Form.DueStart, Form.DueEnd, Form.Budget, Form.Status);
        var resolve = await new AgencyDirectory(Db).ResolverAsync(Plan.OwnerAgencyId);
        if (activityId is null)
        {
            // Create through FormOnce so a double post makes one activity.
            var check = await editing.ValidateOnlyAsync(id, input);
            if (check is not null) { AddErrors(check, "Form."); return Page(); }
            var activity = editing.NewActivity(id, input, resolve, await editing.NextOrderAsync(id));
            Db.Activities.Add(activity);
            var url = await once.SaveChangesAsync(() => $"/Plans/{id}#a{activity.Id}");
            this.SetMessage("Đã thêm hoạt động.");
            return Redirect(url);
        }

        var result = await editing.UpdateAsync(activityId.Value, Form.Version, input, resolve);
        switch (result.Kind)
        {
            case OutcomeKind.Ok:
                this.SetMessage("Đã lưu hoạt động.");
                return Redirect($"/Plans/{id}");
            case OutcomeKind.Conflict:
                // Keep what the user typed; show what the other person saved; the next save goes over theirs knowingly.
                Theirs = result.Value;
                ModelState.AddModelError("", result.Message!);
                ModelState.Remove("Form.Version");
                Form.Version = result.Value!.Version;
                return Page();
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                AddErrors(result, "Form.");
                return Page();
        }
    }

    /// <summary>Deletes an activity of a draft plan (the page asks first).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, int activityId, Guid version)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        if (!await Db.Activities.AnyAsync(a => a.Id == activityId && a.PlanId == id)) return NotFound();
        var result = await editing.DeleteAsync(activityId, version);
        this.SetMessage(result.Kind switch
        {
            OutcomeKind.Ok => "Đã xóa hoạt động.",
            OutcomeKind.Conflict => "Người khác vừa sửa hoạt động này; hãy xem lại rồi xóa lần nữa.",
            _ => result.Message,
        });
        return Redirect(result.IsOk ? $"/Plans/{id}" : $"/Plans/{id}/Activities/{activityId}");
    }

    /// <summary>Cancels (hủy) an activity of an issued plan with a reason; it stays in the plan, struck through.</summary>
    public async Task<IActionResult> OnPostCancelAsync(int id, int activityId, string? reason)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        var result = await lifecycle.CancelActivityAsync(id, activityId, reason);
        if (result.Kind == OutcomeKind.NotFound) return NotFound();
        this.SetMessage(result.IsOk ? "Đã hủy hoạt động. Hoạt động không còn trong danh sách việc, báo cáo và số liệu tiến độ." : result.Message);
        return Redirect(result.IsOk ? $"/Plans/{id}#a{activityId}" : $"/Plans/{id}/Activities/{activityId}");
    }

    /// <summary>
    /// Deadlines follow their text: a changed text is read with the importer's parser and the window it gives
    /// is put on the form and shown; the user saves again to keep it (or sets the window by hand). False: show the form.
    /// </summary>
    bool ReadDueText()
    {
        var text = string.IsNullOrWhiteSpace(Form.DueText) ? null : Form.DueText.Trim();
        if (text == (string.IsNullOrWhiteSpace(Form.DueReadFrom) ? null : Form.DueReadFrom.Trim()) || text is null) return true;
        var read = DueReading.Read(text, Plan.FromYear);
        ModelState.Remove("Form.DueReadFrom");
        Form.DueReadFrom = text;
        if (read.Due is null)
        {
            ModelState.AddModelError("Form.DueText", read.Error!);
            if (read.Impossible) Form.DueReadFrom = null;   // refused until the text is fixed
            return false;
        }
        if (read.Due.Kind == Form.DueKind && read.Due.Start == Form.DueStart && read.Due.End == Form.DueEnd) return true;
        foreach (var key in new[] { "Form.DueKind", "Form.DueStart", "Form.DueEnd" }) ModelState.Remove(key);
        (Form.DueKind, Form.DueStart, Form.DueEnd) = (read.Due.Kind, read.Due.Start, read.Due.End);
        DueUnderstood = DueReading.Describe(read.Due);
        return false;
    }

    async Task<IActionResult?> LoadAsync(int id, int? activityId)
    {
        Plan = (await PlanQueries.LoadAsync(Db, id))!;
        ActivityId = activityId;
        if (activityId is int a && !Plan.Activities.Any(x => x.Id == a)) return NotFound();
        if (activityId is int b) Current = Plan.Activities.First(x => x.Id == b).Assignments.OrderBy(x => x.Role).ThenBy(x => x.Order).ToList();
        return null;
    }

    static string Lines(Activity a, AssignmentRole role) =>
        string.Join("\n", a.Assignments.Where(x => x.Role == role).OrderBy(x => x.Order).Select(x => x.Name));

    static List<BodyInput> Bodies(string? lines) =>
        (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => new BodyInput(n)).ToList();
}
