using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Complaints;

[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ComplaintList list) : PageModel
{
    public IReadOnlyList<ComplaintRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await list.VisibleAsync(ct);
}
