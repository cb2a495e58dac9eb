using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Plans;

public sealed class PlanForm
{
    [Required(ErrorMessage = "Hãy nhập tên kế hoạch.")] public string Title { get; set; } = "";
    public string? Number { get; set; }
    public string? DocumentType { get; set; }
    public string? Issuer { get; set; }
    public string? Place { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public string? Signer { get; set; }
    [Range(2000, 2100, ErrorMessage = "Năm phải trong khoảng 2000–2100.")] public int FromYear { get; set; } = DateTime.Today.Year;
    [Range(2000, 2100, ErrorMessage = "Năm phải trong khoảng 2000–2100.")] public int ToYear { get; set; } = DateTime.Today.Year;
    public DateOnly? DepartmentPlanDeadline { get; set; }
    public DateOnly? CentralPlanDeadline { get; set; }
    public DateOnly? CommunePlanDeadline { get; set; }
    public Guid Version { get; set; }

    public PlanInput ToInput() => new(Title, Number, DocumentType, Issuer, Place, IssuedOn, Signer, FromYear, ToYear,
        DepartmentPlanDeadline, CentralPlanDeadline, CommunePlanDeadline);

    public static PlanForm From(Plan p) => new()
    {
        Title = p.Title, Number = p.Number, DocumentType = p.DocumentType, Issuer = p.Issuer, Place = p.Place, IssuedOn = p.IssuedOn,
        Signer = p.Signer, FromYear = p.FromYear, ToYear = p.ToYear, DepartmentPlanDeadline = p.DepartmentPlanDeadline,
        CentralPlanDeadline = p.CentralPlanDeadline, CommunePlanDeadline = p.CommunePlanDeadline, Version = p.Version,
    };
}

/// <summary>The plan's document fields; also creates a province plan by hand (/Plans/Create).</summary>
public sealed class EditPlanModel(AppDbContext db, CurrentUser me, PlanEditing editing, FormOnce once) : PlanPageModel(db, me)
{
    [BindProperty] public PlanForm Form { get; set; } = new();
    public int? PlanId { get; private set; }
    public bool IsProvincePlan { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        PlanId = id;
        if (id is null) return Me.IsCoordinator ? Page() : Forbid();
        if (await DenyEditAsync(id.Value) is { } deny) return deny;
        var plan = await Db.Plans.FindAsync(id.Value);
        IsProvincePlan = plan!.OwnerAgencyId is null;
        Form = PlanForm.From(plan);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        PlanId = id;
        if (id is null)
        {
            if (!Me.IsCoordinator) return Forbid();
            if (await once.EarlierResultAsync() is { } earlier) return Redirect(earlier);
            if (!ModelState.IsValid) return Page();
            var url = await once.RunAsync(async () =>
            {
                var created = await editing.CreateAsync(Form.ToInput(), null);
                if (created.IsOk) return $"/Plans/{created.Value}";
                AddErrors(created, "Form.");
                return null;
            });
            if (url is null) return Page();
            this.SetMessage("Đã tạo kế hoạch (dự thảo).");
            return Redirect(url);
        }
        if (await DenyEditAsync(id.Value) is { } deny) return deny;
        IsProvincePlan = (await PlanQueries.OwnerAsync(Db, id.Value)).OwnerAgencyId is null;
        if (!ModelState.IsValid) return Page();
        var result = await editing.UpdateAsync(id.Value, Form.Version, Form.ToInput());
        if (result.IsOk)
        {
            this.SetMessage("Đã lưu thông tin kế hoạch.");
            return Redirect($"/Plans/{id}");
        }
        AddErrors(result, "Form.");
        return Page();
    }
}
