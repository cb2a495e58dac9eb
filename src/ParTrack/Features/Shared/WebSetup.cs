using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Shared;

/// <summary>Pages, localization, error handling and OpenAPI: the web shell every feature plugs into.</summary>
public static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("vi-VN"), new("en-US")];

    public static IServiceCollection AddPartrackWeb(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Write Vietnamese letters as themselves, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.ConfigureFilter(new FormErrorsInReaderLanguage());
            })
            // No client-side validation library is used (forms are validated on the server), and with it on an
            // empty validation summary renders <li style="display:none">, which the CSP would block.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                VietnameseBindingMessages(o.ModelBindingMessageProvider);
                o.ModelBinderProviders.Insert(0, new DateBinderProvider()); // dd/MM/yyyy whatever the language
            });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only the user's choice (cookie) or the default: a browser's English header should not flip the UI.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        // Enums travel as their names in the API ("Department", not 1).
        // Numbers travel as numbers only: the web default also reads "12" for 12, which makes every integer
        // "integer or string" in the OpenAPI document.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();
        // A body that does not bind (not JSON, malformed, too large) reaches ApiExceptionHandler, which answers
        // problem details with a Vietnamese title, instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddPartrackOpenApi();
        services.AddPartrackCompression();
        services.AddScoped<FormOnce>();
        FragmentCache.AddTo(services);
        // Policies are added by the features that limit something (Satisfaction: the public form's posts).
        services.AddRateLimiter(_ => { });
        // Browsers remember to use HTTPS only for a year (sent on HTTPS answers in production: UsePartrackWeb).
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    public static WebApplication UsePartrackWeb(this WebApplication app)
    {
        if (app.Configuration.GetValue("Diagnostics:CommandCountHeader", false)) app.Use(Data.CommandCount.CountRequestAsync);
        app.UseSecurityHeaders();
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = ex => ex is DbUpdateConcurrencyException ? StatusCodes.Status409Conflict
                : ex is BadHttpRequestException b ? b.StatusCode : StatusCodes.Status500InternalServerError,
        });
        // API: empty error responses become problem details; pages: a friendly error page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages(ApiStatusPage));
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.Use(FormInput.RefuseOversizedTextForms);
        app.UseResponseCompression();   // before static files: CSS and JS are compressed too (Compression.cs)
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorRequirement();
        app.UseAntiforgery();
        app.UseRateLimiter();   // policies named by endpoints (the public API)
        app.Use(RefuseOversizedApiBodies);
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/lang/{culture}", SetCulture).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>An empty API error answer (no route, wrong method, wrong content type) as problem details with a Vietnamese title.</summary>
    static async Task ApiStatusPage(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var title = http.Response.StatusCode switch
        {
            404 => "Không có địa chỉ API này, hoặc mục được hỏi không tồn tại.",
            405 => "Địa chỉ API này không nhận phương thức " + http.Request.Method + ".",
            415 => ApiBody.NotJsonTitle,
            _ => null,
        };
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = http.Response.StatusCode, Title = title },
        });
    }

    /// <summary>
    /// 413 before reading a declared-too-large API body. Kestrel enforces the same limit (RequestSizeLimit metadata)
    /// on bodies without a length; this answers at once, also under hosts without that feature (the test server).
    /// </summary>
    static async Task RefuseOversizedApiBodies(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Path.StartsWithSegments("/api") && ApiConventions.BodyLimitOf(http.GetEndpoint()) is { } limit
            && http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 413, Title = ApiExceptionHandler.TooLargeTitle(limit) },
            });
            return;
        }
        await next(http);
    }

    /// <summary>The language switch: remembers the choice in the culture cookie and goes back.</summary>
    static IResult SetCulture(string culture, string? returnUrl, HttpContext http)
    {
        var chosen = Cultures.FirstOrDefault(c => c.Name.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/"));
    }

    static void VietnameseBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider m)
    {
        m.SetValueMustNotBeNullAccessor(_ => "Vui lòng nhập giá trị.");
        m.SetAttemptedValueIsInvalidAccessor((v, f) => $"Giá trị '{v}' không hợp lệ.");
        m.SetMissingBindRequiredValueAccessor(f => $"Thiếu giá trị cho trường {f}.");
        m.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"Giá trị '{v}' không hợp lệ.");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Phải là một số.");
        m.SetUnknownValueIsInvalidAccessor(f => $"Giá trị của {f} không hợp lệ.");
        m.SetValueIsInvalidAccessor(v => $"Giá trị '{v}' không hợp lệ.");
        m.SetValueMustBeANumberAccessor(f => $"{f} phải là một số.");
    }
}

/// <summary>
/// API errors as problem details without internals: a concurrency conflict is 409 with a message
/// saying what to do, anything else a plain 500. Page requests fall through to the /Error page.
/// </summary>
sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public const string ConcurrencyMessage =
        "Dữ liệu này vừa được người khác thay đổi. Hãy tải lại trang để xem bản mới nhất rồi nhập lại thay đổi của bạn.";

    public static string TooLargeTitle(long limit) =>
        $"Nội dung gửi lên quá lớn (tối đa {limit / 1024:N0} KB cho thao tác này). Hãy chia nhỏ dữ liệu rồi gửi lại.";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception ex, CancellationToken ct)
    {
        // The middleware has already switched Path to /Error; the original path is in the feature.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value;
        if (!new PathString(path).StartsWithSegments("/api")) return false;
        var (status, title) = ex switch
        {
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, ConcurrencyMessage),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => (415, ApiBody.NotJsonTitle),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, TooLargeTitle(ApiConventions.BodyLimitOf(http.GetEndpoint()) ?? 0)),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } b => (b.StatusCode, ApiBody.MalformedMessage(json)),
            BadHttpRequestException b => (b.StatusCode, "Yêu cầu không hợp lệ: kiểm tra dữ liệu gửi lên (JSON, kiểu giá trị, tham số)."),
            _ => (StatusCodes.Status500InternalServerError, "Đã xảy ra lỗi không mong muốn. Vui lòng thử lại hoặc báo quản trị viên."),
        };
        if (status >= 500) log.LogError(ex, "Unhandled API error");
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            // Malformed JSON names its place as a field error, like every other 400 of the API.
            ProblemDetails = ex is BadHttpRequestException { InnerException: System.Text.Json.JsonException { Path: { Length: > 1 } jsonPath } }
                ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [jsonPath.TrimStart('$', '.')] = [title] }) { Status = status, Title = title }
                : new ProblemDetails { Status = status, Title = title },
        });
    }
}
