using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.MyWork;

public sealed class IndexModel(CurrentUser me, MyWorkQuery query) : PageModel
{
    public MyWorkView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // "Việc của tôi" is an agency's list; other roles have no agency of their own.
        if (!me.IsOfficer || me.AgencyId is null) return Redirect("/Plans");
        View = await query.LoadAsync(me.AgencyId.Value);
        return View is null ? NotFound() : Page();
    }
}
