using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Features.ParIndex;

/// <summary>
/// Request size limits of the PAR Index upload pages. A body over the limit would otherwise fail while
/// the form is read (Kestrel's 413, or the antiforgery check's 400) and show the generic error page;
/// here the page itself says what is wrong and nothing is saved.
/// </summary>
public static class UploadLimits
{
    /// <summary>A little above one file's limit (20 MB), for the form fields and multipart framing.</summary>
    public const long RequestBytes = FileStore.MaxBytes + 2 * 1024 * 1024;

    public const string Message = "Dữ liệu gửi lên quá lớn: mỗi lần lưu chỉ gửi được tối đa 22 MB (mỗi tệp không quá 20 MB). " +
                                  "Chưa có gì được lưu. Hãy nén hoặc tách tệp, hoặc đính kèm từng tệp trong các lần lưu khác nhau.";

    static readonly object TooLargeKey = new();

    public static bool TooLarge(HttpContext http) => http.Items.ContainsKey(TooLargeKey);

    internal static void MarkTooLarge(HttpContext http) => http.Items[TooLargeKey] = true;

    /// <summary>
    /// The page's answer to a too-large post: its GET view with the message and status 400, before any
    /// handler runs (so a "submit" with an empty form cannot change anything).
    /// </summary>
    public static async Task RefuseOrContinueAsync(PageModel page, PageHandlerExecutingContext context, PageHandlerExecutionDelegate next,
        Func<Task<IActionResult>> showPage, Action<string> addError)
    {
        if (!TooLarge(page.HttpContext)) { await next(); return; }
        var result = await showPage();
        if (result is PageResult)
        {
            addError(Message);
            page.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        context.Result = result;
    }
}

/// <summary>
/// Put on an upload page with [IgnoreAntiforgeryToken] and [RequestSizeLimit(UploadLimits.RequestBytes)]:
/// a post whose Content-Length is over the limit is marked and gets an empty form (its body is never
/// read); every other unsafe request is checked for the antiforgery token as usual.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadSizeGuardAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    // After RequestSizeLimit/RequestFormLimits (900), where antiforgery validation (1000) would run.
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method)) return;
        if (http.Request.ContentLength > UploadLimits.RequestBytes)
        {
            UploadLimits.MarkTooLarge(http);
            http.Request.Form = FormCollection.Empty;
            return;
        }
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        try { await antiforgery.ValidateRequestAsync(http); }
        catch (AntiforgeryValidationException) { context.Result = new AntiforgeryValidationFailedResult(); }
    }
}
