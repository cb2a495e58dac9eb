using Microsoft.AspNetCore.Mvc;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

/// <summary>Areas, targets (with measures) and tasks of a plan: list, add, edit.</summary>
public sealed class StructureModel(AppDbContext db, CurrentUser me, PlanEditing editing) : PlanPageModel(db, me)
{
    public sealed class MeasureRow
    {
        public string? Level { get; set; }
        public string Comparator { get; set; } = "atLeast";
        public decimal? Value { get; set; }
        public string? Unit { get; set; }
    }

    public Plan Plan { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public int? AreaEdit { get; set; }
    [BindProperty(SupportsGet = true)] public int? TargetEdit { get; set; }
    [BindProperty(SupportsGet = true)] public int? TaskEdit { get; set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public int? AreaId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? TargetCodes { get; set; }
    [BindProperty] public List<MeasureRow> Measures { get; set; } = [];
    /// <summary>Which form was posted, so its errors show beside it.</summary>
    public string? Posted { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        await LoadAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAreaAsync(int id) =>
        await SaveAsync(id, "area", () => editing.SaveAreaAsync(id, AreaEdit, Code ?? "", Title ?? ""));

    public async Task<IActionResult> OnPostTargetAsync(int id) =>
        await SaveAsync(id, "target", () => editing.SaveTargetAsync(id, TargetEdit, Code, AreaId, Text ?? "",
            Measures.Where(m => m.Value is not null).Select(m => new MeasureInput(string.IsNullOrEmpty(m.Level) ? null : m.Level, m.Comparator, m.Value!.Value, m.Unit)).ToList()));

    public async Task<IActionResult> OnPostTaskAsync(int id) =>
        await SaveAsync(id, "task", () => editing.SaveTaskAsync(id, TaskEdit, Code, AreaId, Text ?? "", TargetCodes));

    async Task<IActionResult> SaveAsync(int id, string which, Func<Task<Outcome<int>>> save)
    {
        if (await DenyEditAsync(id) is { } deny) return deny;
        Posted = which;
        if (ModelState.IsValid)
        {
            var result = await save();
            if (result.IsOk)
            {
                this.SetMessage("Đã lưu.");
                return Redirect($"/Plans/{id}/Structure#{which}s");
            }
            if (result.Kind == OutcomeKind.NotFound) return NotFound();
            AddErrors(result);
        }
        await LoadAsync(id, keepInput: true);
        return Page();
    }

    async Task LoadAsync(int id, bool keepInput = false)
    {
        Plan = (await PlanQueries.LoadAsync(Db, id))!;
        if (keepInput) return;
        if (AreaEdit is int a && Plan.Areas.FirstOrDefault(x => x.Id == a) is { } area) { Code = area.Code; Title = area.Title; }
        if (TargetEdit is int t && Plan.Targets.FirstOrDefault(x => x.Id == t) is { } target)
        {
            Code = target.Code; AreaId = target.AreaId; Text = target.Text;
            Measures = target.Measures.Select(m => new MeasureRow { Level = m.Level, Comparator = m.Comparator, Value = m.Value, Unit = m.Unit }).ToList();
        }
        if (TaskEdit is int k && Plan.Tasks.FirstOrDefault(x => x.Id == k) is { } task)
        {
            Code = task.Code; AreaId = task.AreaId; Text = task.Text; TargetCodes = task.TargetCodes;
        }
        while (Measures.Count < (TargetEdit is null ? 3 : Measures.Count + 2)) Measures.Add(new MeasureRow());
    }
}
