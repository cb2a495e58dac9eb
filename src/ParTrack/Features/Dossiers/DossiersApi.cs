using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// GET /api/kpis (the contract's KPIs for stored dossiers, for any signed-in user within their agency scope) and
/// POST /api/dossiers (the one-stop system pushes a batch as CSV or JSON; only an integration token may, never a
/// user's cookie: <see cref="DossiersSetup.PushPolicy"/>).
/// </summary>
public static class DossiersApi
{
    /// <summary>A push is at most 20 MB (~100,000 CSV rows); larger exports go in several batches or by `partrack dossiers import`.</summary>
    public const long PushBodyLimit = 20L * 1024 * 1024;

    public sealed record RefusedRow(string Type, string Title, int Status, string Detail, int Line);
    public sealed record PushResult(int ImportId, long Taken, long Replaced, long RefusedCount, IReadOnlyList<RefusedRow> Refused);

    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var kpis = app.MapApiGroup("/api/kpis", "Dossiers");
        kpis.MapGet("/", KpisAsync).WithSummary("Chỉ số phục vụ (partrack.kpis/v1) của tỉnh và từng cơ quan trong một khoảng ngày")
            .WithDescription("from, to: yyyy-MM-dd (cả hai ngày tính vào). agencyId: một cơ quan (gồm các cơ quan đã sáp nhập vào nó). level: tinh | huyen | xa. Cán bộ cơ quan chỉ xem cơ quan mình.")
            .Produces<KpiReport>().ProducesValidationProblem().ProducesProblem(404);

        var dossiers = app.MapApiGroup("/api/dossiers", "Dossiers");
        dossiers.MapPost("/", PushAsync).RequireAuthorization(DossiersSetup.PushPolicy).WithBodyLimit(PushBodyLimit)
            .WithSummary("Hệ thống một cửa gửi một lô hồ sơ (CSV hoặc JSON); chỉ nhận mã truy cập tích hợp")
            .WithDescription("CSV (text/csv) theo partrack.dossiers/v1, hoặc JSON (application/json): một mảng đối tượng với các khóa như tên cột CSV. Gửi lại cùng mã hồ sơ thì thay bản cũ. Dòng bị từ chối được nêu từng dòng trong refused (problem details, line = số dòng CSV hoặc vị trí trong mảng JSON).")
            .Accepts<List<Dictionary<string, string>>>("application/json", "text/csv")
            .Produces<PushResult>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    static async Task<IResult> KpisAsync(string? from, string? to, int? agencyId, string? level, CurrentUser user,
        KpiQueries queries, AppDbContext db, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        var fromDay = Day(from, "from", errors);
        var toDay = Day(to, "to", errors);
        if (fromDay > toDay) errors.Add(("from", "from phải trước hoặc bằng to."));
        AdminLevel? adminLevel = null;
        if (level is not null && (adminLevel = Level(level)) is null) errors.Add(("level", "level phải là tinh, huyen hoặc xa."));
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        // An officer sees their own agency's figures only (and those of bodies merged into it).
        if (user.IsOfficer) agencyId ??= user.AgencyId;
        if (agencyId is int id && !user.CanSeeAgency(id)) return ApiProblems.Forbidden();
        IReadOnlyCollection<int>? ids = null;
        if (agencyId is int asked && (ids = await queries.AgencyAndPredecessorsAsync(asked, ct)) is null)
            return ApiProblems.NotFound("Không có cơ quan này trong danh mục.");
        return Results.Ok(await queries.ReportAsync(new KpiWindow(fromDay!.Value, toDay!.Value), new KpiFilter(ids, adminLevel), ct));
    }

    static DateOnly? Day(string? text, string field, List<(string, string)> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day) && day.Year is >= 2000 and <= 2100) return day;
        errors.Add((field, $"{field} cần một ngày dạng yyyy-MM-dd, ví dụ 2025-03-31."));
        return null;
    }

    /// <summary>The contract's words for a level, and the IIndicatorSource's.</summary>
    public static AdminLevel? Level(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "tinh" or "province" => AdminLevel.Province,
        "huyen" or "district" => AdminLevel.District,
        "xa" or "commune" => AdminLevel.Commune,
        _ => null,
    };

    static async Task<IResult> PushAsync(HttpRequest request, string? source, DossierImporter importer, CancellationToken ct)
    {
        source = SafeText.Normalize(source)?.Trim();
        if (string.IsNullOrEmpty(source)) source = DossierImporter.DefaultSource;
        if (source.Length > Limits.ShortText) return ApiProblems.Invalid("source", $"source dài quá {Limits.ShortText} ký tự.");
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not ("text/csv" or "application/json"))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Gửi hồ sơ dạng CSV (Content-Type: text/csv) hoặc JSON (application/json).");

        // Buffered to a scratch file (constant memory), which the reader can also rewind.
        await using var body = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        ImportSummary summary;
        try
        {
            var lines = type == "text/csv" ? DossierFile.Read(body) : JsonLines(body);
            summary = await importer.ImportAsync(lines, source, fileName: null, ct);
        }
        catch (Exception e) when (Cli.DossiersCommand.IsUnreadable(e) || e is JsonException)
        {
            return ApiProblems.Invalid("body", e is JsonException
                ? "JSON không hợp lệ: cần một mảng đối tượng, mỗi đối tượng một hồ sơ với các khóa như tên cột CSV (dossier_code, agency, …)."
                : Cli.DossiersCommand.Message(e));
        }
        return Results.Ok(new PushResult(summary.ImportId, summary.Taken, summary.Replaced, summary.RefusedCount,
            [.. summary.Refused.Select(r => new RefusedRow("about:blank", "Hồ sơ bị từ chối", StatusCodes.Status422UnprocessableEntity, r.Reason!, r.Line))]));
    }

    /// <summary>A JSON array of objects keyed like the CSV header; "line" is the 1-based position in the array.</summary>
    static IEnumerable<DossierLine> JsonLines(Stream body)
    {
        using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
        if (json.RootElement.ValueKind != JsonValueKind.Array) throw new JsonException("not an array");
        var columns = DossierColumns.From(DossierColumns.All, null, out _)!;
        var line = 0;
        foreach (var item in json.RootElement.EnumerateArray())
        {
            line++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                yield return new DossierLine(line, null, "Mỗi phần tử phải là một đối tượng hồ sơ.");
                continue;
            }
            var cells = DossierColumns.All.Select(c => item.TryGetProperty(c, out var v) ? Cell(v) : "").ToArray();
            var row = DossierRowParser.Parse(cells, columns, out var reason);
            yield return new DossierLine(line, row, reason);
        }
    }

    static string Cell(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString() ?? "",
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        _ => v.GetRawText(),
    };
}
