using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction;

public sealed class CampaignForm
{
    public int Year { get; set; } = DateTime.UtcNow.Year;
    public string Title { get; set; } = "";
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public List<int> Agencies { get; set; } = [];
    public List<ResponseMode> Modes { get; set; } = [ResponseMode.Online, ResponseMode.Paper];
    public int MinResponses { get; set; } = 30;
    public decimal Margin { get; set; } = 0.05m;
    public int? FixedQuota { get; set; }
    public bool DoubleEntry { get; set; }

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["Year"] = "Năm khảo sát", ["Title"] = "Tên đợt", ["OpensOn"] = "Bắt đầu", ["ClosesOn"] = "Kết thúc", ["Agencies"] = "Đơn vị",
        ["Modes"] = "Hình thức", ["MinResponses"] = "Số phiếu tối thiểu", ["Margin"] = "Sai số e", ["FixedQuota"] = "Số phiếu cố định", ["DoubleEntry"] = "Nhập hai lần",
    };

    public CampaignInput ToInput() => new(Year, Title, OpensOn, ClosesOn, Agencies, Modes, MinResponses, Margin, FixedQuota, DoubleEntry);
}

[Authorize(Policy = Policies.Coordinator)]
public sealed class CreateModel(AppDbContext db, SurveyCampaigns campaigns, FormOnce once) : PageModel
{
    [BindProperty] public CampaignForm Form { get; set; } = new();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<Agency> Choices { get; private set; } = [];

    async Task LoadAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Choices = (await db.Agencies.AsNoTracking().OrderBy(a => a.Level).ThenBy(a => a.Name).ToListAsync(ct)).Where(a => a.IsCurrent(today)).ToList();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Form.Title = $"Khảo sát sự hài lòng năm {Form.Year}";
        Form.OpensOn = new DateOnly(Form.Year, 9, 1);
        Form.ClosesOn = new DateOnly(Form.Year, 10, 31);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await once.EarlierResultAsync(ct) is { } earlier) return LocalRedirect(earlier);
        Errors = FormInput.Unreadable(ModelState, CampaignForm.Labels, "Form.").Values.ToList();
        var url = Errors.Count > 0 ? null : await once.RunAsync(async () =>
        {
            var created = await campaigns.CreateAsync(Form.ToInput(), ct);
            Errors = created.Messages;
            if (!created.IsOk) return null;
            await db.SaveChangesAsync(ct);
            return $"/Satisfaction/Campaigns/{created.Value!.Id}";
        }, ct);
        if (url is not null) return LocalRedirect(url);
        await LoadAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
