using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex.Rounds;

public sealed class RoundForm
{
    public int Year { get; set; } = DateTime.UtcNow.Year;
    public string Title { get; set; } = "";
    public DateOnly SelfAssessmentDeadline { get; set; }
    public DateOnly AppraisalStart { get; set; }
    public DateOnly AppraisalEnd { get; set; }
    public DateOnly ClarificationStart { get; set; }
    public DateOnly ClarificationEnd { get; set; }
    public DateOnly PublishOn { get; set; }
    public bool SurveyIncluded { get; set; } = true;
    public List<ParUnitGroup> Groups { get; set; } = [ParUnitGroup.Department, ParUnitGroup.District];

    /// <summary>The fields' labels as the form shows them, for messages about a value that cannot be read.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["Year"] = "Năm đánh giá", ["Title"] = "Tên đợt", ["SelfAssessmentDeadline"] = "Hạn tự đánh giá",
        ["AppraisalStart"] = "Thẩm định từ", ["AppraisalEnd"] = "Thẩm định đến", ["ClarificationStart"] = "Giải trình từ",
        ["ClarificationEnd"] = "Giải trình đến", ["PublishOn"] = "Ngày công bố", ["SurveyIncluded"] = "Khảo sát", ["Groups"] = "Nhóm đơn vị",
    };

    public RoundInput ToInput() => new(Year, Title, SelfAssessmentDeadline, AppraisalStart, AppraisalEnd, ClarificationStart, ClarificationEnd,
        PublishOn, SurveyIncluded, Groups);
}

[Authorize(Policy = Policies.Coordinator)]
public sealed class CreateModel(ParTrack.Data.AppDbContext db, ParRounds rounds, ParGroups groups, FormOnce once) : PageModel
{
    [BindProperty] public RoundForm Form { get; set; } = new();
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<ParUnitGroup> GroupChoices { get; private set; } = ParUnitGroup.BuiltIn;

    public async Task OnGetAsync(CancellationToken ct)
    {
        GroupChoices = await groups.AllAsync(ct);
        // A schedule like the usual one: self-assessment in December, appraisal in January, publication in February.
        var y = Form.Year;
        Form.Title = $"Đánh giá Chỉ số CCHC năm {y}";
        Form.SelfAssessmentDeadline = new DateOnly(y, 12, 15);
        Form.AppraisalStart = new DateOnly(y, 12, 16);
        Form.AppraisalEnd = new DateOnly(y + 1, 1, 15);
        Form.ClarificationStart = new DateOnly(y + 1, 1, 16);
        Form.ClarificationEnd = new DateOnly(y + 1, 1, 25);
        Form.PublishOn = new DateOnly(y + 1, 2, 10);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await once.EarlierResultAsync(ct) is { } earlier) return LocalRedirect(earlier);
        var unreadable = FormInput.Unreadable(ModelState, RoundForm.Labels, "Form.");
        Errors = unreadable.Values.ToList();
        // Criteria sets may be created on the way (their own save): all of it commits with the form's key.
        var url = Errors.Count > 0 ? null : await once.RunAsync(async () =>
        {
            var created = await rounds.CreateAsync(Form.ToInput(), ct);
            Errors = created.Messages;
            if (!created.IsOk) return null;
            await db.SaveChangesAsync(ct);
            return $"/ParIndex/Rounds/{created.Value!.Id}";
        }, ct);
        if (url is not null) return LocalRedirect(url);
        GroupChoices = await groups.AllAsync(ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
