using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Features;

public sealed class IndexModel : PageModel
{
    public void OnGet() { }
}
