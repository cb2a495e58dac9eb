using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Features.Agencies;

/// <summary>The registry as a CSV download (any signed-in user).</summary>
public sealed class ExportModel(AgencyCsv csv, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync() =>
        File(await csv.ExportAsync(), "text/csv; charset=utf-8", $"co-quan-{clock.GetLocalNow():yyyyMMdd}.csv");
}
