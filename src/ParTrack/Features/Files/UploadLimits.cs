using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParTrack.Features;

/// <summary>
/// Request size limits of the upload pages (PAR Index and report evidence). A body over the limit would
/// otherwise fail while the form is read (Kestrel's 413, or the antiforgery check's 400) and show the
/// generic error page; here the user is told what is wrong and nothing is saved.
/// </summary>
public static class UploadLimits
{
    /// <summary>A little above one file's limit (20 MB), for the form fields and multipart framing.</summary>
    public const long RequestBytes = FileStore.MaxBytes + 2 * 1024 * 1024;

    /// <summary>
    /// False when a post is over the limit. With a Content-Length that is known before reading; a chunked
    /// body (no length) has its form read now, stopping at the limit, so the answer is known before the
    /// antiforgery check reads the form. A post over the limit gets an empty form, so nothing after it
    /// (a handler, the error page) reads its body.
    /// </summary>
    public static async Task<bool> WithinLimitAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength is { } length)
        {
            if (length <= RequestBytes) return true;
        }
        else if (request.HasFormContentType)
        {
            request.Body = new LimitedStream(request.Body, RequestBytes);
            try
            {
                await request.ReadFormAsync(http.RequestAborted);
                return true;
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge) { }
        }
        else return true;
        request.Form = FormCollection.Empty;
        return false;
    }

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
/// a post over the limit is marked and gets an empty form (its body is not read further); every other
/// unsafe request is checked for the antiforgery token as usual.
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
        if (!await UploadLimits.WithinLimitAsync(http))
        {
            UploadLimits.MarkTooLarge(http);
            return;
        }
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        try { await antiforgery.ValidateRequestAsync(http); }
        catch (AntiforgeryValidationException) { context.Result = new AntiforgeryValidationFailedResult(); }
    }
}

/// <summary>
/// For a page that keeps the usual antiforgery check (the report page): a post over the limit ends
/// before the form is read, with 413 and the error page's message for it; nothing is saved.
/// </summary>
public sealed class UploadTooLargeFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    // Before antiforgery validation (1000), which would read the form.
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !await UploadLimits.WithinLimitAsync(context.HttpContext))
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }
}

/// <summary>A request body that ends in a 413 error once more than the limit is read (whatever the server allows).</summary>
sealed class LimitedStream(Stream inner, long limit) : Stream
{
    long read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
        Count(await inner.ReadAsync(buffer, ct));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    int Count(int n)
    {
        read += n;
        if (read > limit) throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
