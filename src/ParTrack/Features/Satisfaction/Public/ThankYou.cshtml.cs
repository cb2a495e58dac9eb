using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Features.Satisfaction.Public;

[AllowAnonymous]
public sealed class ThankYouModel : PageModel
{
    public void OnGet() { }
}
