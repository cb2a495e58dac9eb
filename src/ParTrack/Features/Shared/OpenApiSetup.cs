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
    public const string BearerScheme = "bearer";

    const string Description = """
        API JSON của ParTrack (kế hoạch CCHC, danh mục cơ quan, báo cáo). Quy ước chung (docs/api.md):

        - **Đăng nhập**: cookie `partrack.auth` của trang đăng nhập, hoặc `Authorization: Bearer pt_...` (mã truy cập
          cho hệ thống khác, quản trị viên cấp tại /Accounts/Tokens). Chưa đăng nhập → 401; không đủ quyền → 403;
          cán bộ cơ quan chỉ thấy dữ liệu của cơ quan mình (dữ liệu cơ quan khác → 404).
        - **Phiên bản (version)**: mọi thao tác sửa (PUT) phải gửi `version` đã đọc. Thiếu → 428; đã cũ → 409, kèm
          `currentVersion` là bản hiện tại; đúng → lưu và trả về `version` mới.
        - **Lỗi**: problem details (RFC 9457, `application/problem+json`) với `title` tiếng Việt; lỗi từng trường trong
          `errors`, khóa là đường dẫn JSON (`name`, `aliases[0]`, `activities[3].text`).
        - **Nội dung**: chỉ nhận `application/json` (khác → 415); JSON sai cú pháp hoặc có `null` ở chỗ phải có giá trị → 400.
        - **Giới hạn**: nội dung tối đa 256 KB (10 MB cho `POST /api/plans`, tối đa 5.000 hoạt động) → 413 / 400.
        """;

    /// <summary>A request body example per operation ("METHOD route"), as a client would send it.</summary>
    static readonly Dictionary<string, string> Examples = new()
    {
        ["POST /api/agencies"] = """{"name":"Sở Khoa học và Công nghệ","shortName":"Sở KH&CN","kind":"Department","level":"Province","aliases":["Sở KHCN"]}""",
        ["PUT /api/agencies/{id}"] = """{"name":"Sở Khoa học và Công nghệ","shortName":"Sở KH&CN","kind":"Department","level":"Province","aliases":["Sở KHCN"],"version":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""",
        ["POST /api/agency-groups"] = """{"name":"UBND cấp xã","memberKinds":["CommuneCommittee"],"memberLevel":"Commune","aliases":["UBND các xã, phường, thị trấn"]}""",
        ["PUT /api/agency-groups/{id}"] = """{"name":"UBND cấp xã","memberKinds":["CommuneCommittee"],"memberLevel":"Commune","aliases":[],"version":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""",
        ["PUT /api/activities/{id}/assignments"] = """{"version":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","lead":[{"name":"Sở Nội vụ"}],"support":[{"name":"Sở Tư pháp","agencyId":null,"groupId":null}]}""",
        ["POST /api/inspection-programmes"] = """{"year":2025,"title":"Kế hoạch kiểm tra công tác CCHC năm 2025","legalBasis":"Kế hoạch CCHC năm 2025 của UBND tỉnh","contentAreas":"Cải cách thủ tục hành chính\nChuyển đổi số","kinds":["Comprehensive","Surprise"],"recentYears":2,"remedyDays":15,"targets":[{"groupId":1,"kind":"Percent","value":30}]}""",
        ["POST /api/inspection-findings/{id}/remedy"] = """{"report":"Đã ban hành kế hoạch kiểm tra nội bộ (Kế hoạch số 12/KH-SNV)","version":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""",
        ["POST /api/inspection-findings/{id}/verification"] = """{"accept":true,"reason":null,"version":"3f2504e0-4f89-11d3-9a0c-0305e82c3301"}""",
        ["POST /api/plans"] = """
            {"schema":"partrack.plan/v1",
             "document":{"number":"3098/QĐ-UBND","type":"Quyết định","issuer":"UBND tỉnh Hà Tĩnh","title":"Kế hoạch cải cách hành chính năm 2025","fromYear":2025,"toYear":2025},
             "areas":[{"code":"I","title":"Công tác chỉ đạo, điều hành"}],
             "targets":[{"code":"1.1","area":"I","text":"100% cơ quan ban hành kế hoạch CCHC","measures":[{"level":null,"comparator":"atLeast","value":100,"unit":"%"}]}],
             "tasks":[{"code":"2.1","area":"I","targets":["1.1"],"text":"Ban hành kế hoạch CCHC năm 2025"}],
             "activities":[{"code":"3.1","task":"2.1","area":"I","text":"Xây dựng dự thảo kế hoạch","lead":["Sở Nội vụ"],"support":[],
               "due":{"text":"Tháng 12/2024","kind":"by","start":"2024-12-01","end":"2024-12-31"}}]}
            """,
    };

    /// <summary>
    /// A nullable enum is written as oneOf [{enum: [null], nullable: true}, $ref]; OpenAPI 3.0 wants a type beside
    /// nullable (the linter checks examples against it), so the null branch says "string" (its only value is null).
    /// </summary>
    static void TypeNullBranches(OpenApiSchema schema, int depth)
    {
        if (depth > 10) return;
        foreach (var branch in schema.OneOf?.OfType<OpenApiSchema>() ?? [])
            if (branch.Type is null or JsonSchemaType.Null && branch.Properties is not { Count: > 0 })
            {
                branch.Type = JsonSchemaType.String | JsonSchemaType.Null;
                branch.Enum = [null!];
            }
        foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? []) TypeNullBranches(property, depth + 1);
        if (schema.Items is OpenApiSchema items) TypeNullBranches(items, depth + 1);
    }

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
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Mã truy cập cho hệ thống khác (`pt_...`), do quản trị viên cấp tại /Accounts/Tokens; chỉ dùng cho /api.",
                };
                foreach (var schema in document.Components.Schemas?.Values.OfType<OpenApiSchema>() ?? []) TypeNullBranches(schema, 0);
                // Either one: the browser's cookie or an integration token.
                document.Security = [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
                ];
                document.Tags = new HashSet<OpenApiTag> {
                    new OpenApiTag { Name = "Agencies", Description = "Danh mục cơ quan, nhóm cơ quan và tên gọi khác" },
                    new OpenApiTag { Name = "Plans", Description = "Kế hoạch (plan JSON partrack.plan/v1), hoạt động và cơ quan thực hiện" },
                    new OpenApiTag { Name = "Reporting", Description = "Báo cáo định kỳ của cơ quan" },
                    new OpenApiTag { Name = "Dossiers", Description = "Hồ sơ một cửa (partrack.dossiers/v1) và chỉ số phục vụ (partrack.kpis/v1)" },
                    new OpenApiTag { Name = "Progress", Description = "Tiến độ theo kỳ báo cáo: hoạt động, cơ quan, duyệt báo cáo" },
                    new OpenApiTag { Name = "Public", Description = "Dữ liệu mở đã công bố (không cần đăng nhập, có giới hạn số yêu cầu): danh sách bảng và các dòng của từng bảng" },
                    new OpenApiTag { Name = "Satisfaction", Description = "Khảo sát sự hài lòng: đợt khảo sát, đường dẫn phiếu và kết quả" },
                    new OpenApiTag { Name = "Inspections", Description = "Kiểm tra công tác CCHC: kế hoạch, tỷ lệ kiểm tra, tồn tại và khắc phục" },
                };
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                // Every operation has an id (method + route), which clients and the fuzzer's report name.
                var d = context.Description;
                // The public API needs no sign-in: an empty requirement ([{}]) overrides the document's cookie-or-bearer default.
                if (d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
                    operation.Security = [new OpenApiSecurityRequirement()];   // [{}]: anyone
                operation.OperationId ??= d.HttpMethod!.ToLowerInvariant() + string.Concat(d.RelativePath!.Split('/', '{', '}', ':', '-')
                    .Where(p => p.Length > 0 && p != "int").Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
                if (Examples.TryGetValue($"{d.HttpMethod} /{d.RelativePath!.Replace(":int", "")}", out var example)
                    && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true && body is OpenApiMediaType media)
                    media.Example = System.Text.Json.Nodes.JsonNode.Parse(example);
                return Task.CompletedTask;
            });
        });
}
