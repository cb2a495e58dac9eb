using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Features.Home;

namespace ParTrack.Features;

/// <summary>The start page after sign-in: "Việc cần làm", what this user has to do next and where.</summary>
public sealed class IndexModel(TodoHome home) : PageModel
{
    public IReadOnlyList<WorkGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Groups = await home.LoadAsync(ct);
}
