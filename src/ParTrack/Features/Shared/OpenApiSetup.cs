using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ParTrack.Features.Shared;

/// <summary>
/// The OpenAPI document at /openapi/v1.json: only the JSON API (/api/*), its sign-in scheme, and the rules every
/// operation follows (docs/api.md). Linted by Spectral and fuzzed by Portman/Newman in ApiContractTests.
/// </summary>
public static class OpenApiSetup
{
    public const string CookieScheme = "cookie";

    const string Description = """
        API JSON của ParTrack (kế hoạch CCHC, danh mục cơ quan, báo cáo). Quy ước chung (docs/api.md):

        - **Đăng nhập**: cookie `partrack.auth` của trang đăng nhập. Chưa đăng nhập → 401; không đủ quyền → 403;
          cán bộ cơ quan chỉ thấy dữ liệu của cơ quan mình (dữ liệu cơ quan khác → 404).
        - **Phiên bản (version)**: mọi thao tác sửa (PUT) phải gửi `version` đã đọc. Thiếu → 428; đã cũ → 409, kèm
          `currentVersion` là bản hiện tại; đúng → lưu và trả về `version` mới.
        - **Lỗi**: problem details (RFC 9457, `application/problem+json`) với `title` tiếng Việt; lỗi từng trường trong
          `errors`, khóa là đường dẫn JSON (`name`, `aliases[0]`, `activities[3].text`).
        - **Nội dung**: chỉ nhận `application/json` (khác → 415); JSON sai cú pháp hoặc có `null` ở chỗ phải có giá trị → 400.
        - **Giới hạn**: nội dung tối đa 256 KB (10 MB cho `POST /api/plans`, tối đa 5.000 hoạt động) → 413 / 400.
        """;

    public static IServiceCollection AddPartrackOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            // 3.0 rather than 3.1: the linter and the fuzzer (Portman's converter) read 3.0 fully.
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ParTrack API",
                    Version = "v1",
                    Description = Description,
                    Contact = new OpenApiContact { Name = "Quản trị hệ thống ParTrack của tỉnh" },
                };
                document.Servers = [new OpenApiServer { Url = "/", Description = "Máy chủ đang phục vụ tài liệu này" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "partrack.auth",
                    Description = "Cookie phiên đăng nhập, nhận được khi đăng nhập tại /Accounts/Login (trình duyệt).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] }];
                document.Tags = new HashSet<OpenApiTag> {
                    new OpenApiTag { Name = "Agencies", Description = "Danh mục cơ quan, nhóm cơ quan và tên gọi khác" },
                    new OpenApiTag { Name = "Plans", Description = "Kế hoạch (plan JSON partrack.plan/v1), hoạt động và cơ quan thực hiện" },
                    new OpenApiTag { Name = "Reporting", Description = "Báo cáo định kỳ của cơ quan" },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                // Every operation has an id (method + route), which clients and the fuzzer's report name.
                var d = context.Description;
                operation.OperationId ??= d.HttpMethod!.ToLowerInvariant() + string.Concat(d.RelativePath!.Split('/', '{', '}', ':', '-')
                    .Where(p => p.Length > 0 && p != "int").Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
                return Task.CompletedTask;
            });
        });
}
