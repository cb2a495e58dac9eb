using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ParTrack.Features.Shared;

/// <summary>The one error page: status code pages and unhandled exceptions land here; never shows internals.</summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string? RequestId { get; private set; }
    public bool ShowRequestId => !string.IsNullOrEmpty(RequestId);
    public string Title { get; private set; } = "Đã xảy ra lỗi";
    public string Advice { get; private set; } = "Vui lòng thử lại. Nếu lỗi lặp lại, hãy báo quản trị viên kèm mã yêu cầu bên dưới.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    void Describe(int? code)
    {
        // A post's code may not bind (its body is not read again here): the status code pages feature has it.
        code ??= HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is not null) RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var status = error is DbUpdateConcurrencyException ? 409 : code ?? (error is null ? 200 : 500);
        (Title, Advice) = status switch
        {
            400 => ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không đúng. Hãy quay lại trang trước và thử lại."),
            403 => ("Không có quyền truy cập", "Tài khoản của bạn không được phép xem hoặc sửa nội dung này. Nếu cần quyền, hãy liên hệ quản trị viên."),
            404 => ("Không tìm thấy trang", "Trang hoặc bản ghi bạn tìm không tồn tại, hoặc đã bị xóa. Kiểm tra lại đường dẫn."),
            409 => ("Dữ liệu đã bị thay đổi", ApiExceptionHandler.ConcurrencyMessage),
            413 => Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true
                ? ("Tệp quá lớn", UploadLimits.Message)
                : ("Nội dung quá lớn", FormInput.TooLargeMessage),
            _ => (Title, Advice),
        };
        if (code is >= 400) Response.StatusCode = code.Value;
    }
}
