using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {

    }
}
