using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Agencies;

/// <summary>Import the registry from CSV (coordinators).</summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class CsvModel(AgencyCsv csv, IStringLocalizer<SharedResource> T) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors = [T["Hãy chọn một tệp CSV để nhập."]];
            return Page();
        }
        if (Upload.Length > MaxBytes)
        {
            Errors = [T["Tệp quá lớn (tối đa 5 MB)."]];
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        var result = await csv.ImportAsync(stream);
        if (result.Errors.Count > 0)
        {
            Errors = result.Errors;
            return Page();
        }
        TempData["Message"] = T["Đã nhập: {0} cơ quan mới, {1} cơ quan cập nhật.", result.Created, result.Updated].Value;
        return RedirectToPage("Index", new { validity = "all" });
    }
}
