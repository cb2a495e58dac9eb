using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Features.Accounts;

/// <summary>
/// Signing out ends the account's sessions everywhere (a new security stamp), not only this browser's
/// cookie: a copied or forgotten cookie stops working too.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(CurrentUser me, SignInService signIn, SignInAudit audit) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (me.Id is { } id)
        {
            await signIn.EndSessionsAsync(id, HttpContext.RequestAborted);
            await audit.WriteAsync(me.UserName, id, SignInAudit.SignedOut, SignInService.Client(HttpContext), HttpContext.RequestAborted);
        }
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignOutAsync(AccountsSetup.PendingScheme);
        return LocalRedirect("/Accounts/Login");
    }
}
