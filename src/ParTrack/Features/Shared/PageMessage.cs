using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ParTrack.Features.Shared;

/// <summary>
/// The message a page shows once after its post redirects (TempData "Message", shown by the layout), in the reader's
/// language. The key is the Vietnamese text with its {0}… (SharedResource.en.resx holds the English), so pass the
/// format and its values, not an interpolated string: a formatted text is never found. A text not in the resources
/// (a message already translated) is shown as it is; a text a service formatted is found by its format (<see cref="MessageText"/>).
/// </summary>
public static class PageMessage
{
    /// <summary>No message when <paramref name="text"/> is null (an outcome without one).</summary>
    public static void SetMessage(this PageModel page, string? text, params object?[] args) =>
        page.TempData["Message"] = text is null ? null : page.Localize(text, args);

    /// <summary>A text in the reader's language, for a message made of several translated parts.</summary>
    public static string Localize(this PageModel page, string text, params object?[] args)
    {
        var T = page.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        // Without values the text is not a format: a message that quotes what a user typed may hold a "{".
        return args.Length == 0 ? T.Message(text) : T[text, args!].Value;
    }
}
