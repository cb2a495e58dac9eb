using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.Dossiers;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Satisfaction;

/// <summary>
/// POST /api/satisfaction/ratings: the one-stop system sends per-dossier ratings as CSV or JSON, authenticated like
/// POST /api/dossiers (a province-wide integration token with the coordinator role; a user's cookie is refused).
/// </summary>
public static class RatingsApi
{
    /// <summary>At most 10 MB a batch (~150,000 CSV rows); more goes in several batches.</summary>
    public const long PushBodyLimit = 10L * 1024 * 1024;

    public sealed record RefusedRating(string Type, string Title, int Status, string Detail, int Line);

    public sealed record RatingPushResult(int SchemeVersion, long Taken, long Added, long Changed, long Unchanged, long RefusedCount, IReadOnlyList<RefusedRating> Refused);

    public static void MapRatingsApi(this RouteGroupBuilder api) =>
        api.MapPost("/ratings", PushAsync).RequireAuthorization(DossiersSetup.PushPolicy).WithBodyLimit(PushBodyLimit)
            .WithSummary("Per-dossier ratings from the one-stop system (CSV or JSON); integration tokens only")
            .WithDescription("CSV (text/csv) per partrack.ratings/v1: dossier_code, agency, rated_on (yyyy-MM-dd or dd/MM/yyyy), then c1 … cN " +
                             "(points per criterion of the scheme in force) or total. JSON (application/json): an array of objects with the same keys. " +
                             "One rating per dossier code: sending it again replaces it (unchanged ratings are counted, not rewritten). " +
                             "Each refused row comes back as problem details with its line (CSV line, or position in the JSON array).")
            .Accepts<List<Dictionary<string, string>>>("application/json", "text/csv")
            .Produces<RatingPushResult>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    static async Task<IResult> PushAsync(HttpRequest request, RatingSchemes schemes, RatingImporter importer, CancellationToken ct)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not ("text/csv" or "application/json"))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Gửi đánh giá dạng CSV (Content-Type: text/csv) hoặc JSON (application/json).");

        // Buffered to a scratch file (constant memory), which the CSV/XLSX reader can rewind.
        await using var body = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await request.Body.CopyToAsync(body, ct);
        body.Position = 0;
        var scheme = await schemes.CurrentAsync(ct);
        RatingSummary summary;
        try
        {
            var lines = type == "text/csv" ? RatingFile.Read(body, scheme.Scheme.Criteria.Count) : RatingFile.ReadJson(body, scheme.Scheme.Criteria.Count);
            summary = await importer.ImportAsync(lines, scheme, "api", ct);
        }
        catch (Exception e) when (Cli.DossiersCommand.IsUnreadable(e) || e is JsonException)
        {
            return ApiProblems.Invalid("body", e is JsonException
                ? "JSON không hợp lệ: cần một mảng đối tượng, mỗi đối tượng một đánh giá với các khóa dossier_code, agency, rated_on, c1 … hoặc total."
                : Cli.DossiersCommand.Message(e));
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Một lần gửi khác đang ghi cùng mã hồ sơ; các lô trước đã được lưu, hãy gửi lại lô này.");
        }
        return Results.Ok(new RatingPushResult(summary.SchemeNumber, summary.Taken, summary.Added, summary.Changed, summary.Unchanged, summary.RefusedCount,
            [.. summary.Refused.Select(r => new RefusedRating("about:blank", "Đánh giá bị từ chối", StatusCodes.Status422UnprocessableEntity, r.Reason!, r.Line))]));
    }
}
