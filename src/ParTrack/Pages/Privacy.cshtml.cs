using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Pages;

public class PrivacyModel : PageModel
{
    public void OnGet()
    {
    }
}

