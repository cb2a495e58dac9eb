using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

public sealed record PublicItemDto(string Kind, string Key, string Dataset, string Label, DateOnly? PeriodEnd, DateTime PublishedAtUtc,
    string Sha256, string Page, string Csv, string Json);

public sealed record PublicItemListDto(int Page, int PageSize, int Total, IReadOnlyList<PublicItemDto> Items);

public sealed record PublicFieldDto(string Name, string Type, string Title, string Description);

public sealed record PublicRowsDto(PublicItemDto Item, IReadOnlyList<PublicFieldDto> Fields, int Page, int PageSize, int Total,
    IReadOnlyList<Dictionary<string, object?>> Rows);

/// <summary>
/// Open data: each published table as CSV (UTF-8) and JSON, the data package, and the read-only JSON API
/// /api/public/... (anonymous, paged, cached like the pages, rate-limited per client address).
/// </summary>
public static class PublicApi
{
    public const string RateLimitPolicy = "public-api";
    public const int MaxPageSize = 1000;

    public static void MapPublicSite(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cong-khai/datapackage.json", DataPackageJson).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/public/datapackage.json", DataPackageJson).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/cong-khai/tai-ve/{kind}/{key}.csv", Csv).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/cong-khai/tai-ve/{kind}/{key}.json", Json).AllowAnonymous().ExcludeFromDescription();

        var api = app.MapApiGroup("/api/public", "Public").AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/datasets", List)
            .WithSummary("Published datasets (no sign-in)")
            .WithDescription("Every item published on the public site, newest period first: kind (plan-progress, plan-targets, plan-activities, " +
                             "par-index, …), key (period key 2025-9M or PAR year 2024), publication time and the addresses of its page, CSV and JSON. " +
                             "Paged (page from 1, pageSize 1–1000). Cached: ETag / If-None-Match answers 304. Rate-limited per client (429).")
            .Produces<PublicItemListDto>().Produces(304).ProducesValidationProblem().ProducesProblem(429);
        api.MapGet("/datasets/{kind}/{key}", Rows)
            .WithSummary("The rows of one published table (no sign-in)")
            .WithDescription("The table as published (a frozen snapshot), its fields with Table Schema types, and one page of rows as objects keyed by field name. " +
                             "Stable identifiers: agency_code, target_code, activity_code, period keys. 404 when nothing is published under that kind and key.")
            .Produces<PublicRowsDto>().Produces(304).ProducesProblem(404).ProducesValidationProblem().ProducesProblem(429);
    }

    static PublicItemDto Dto(PublishedSummary s) => new(s.Kind, s.Key, s.DatasetTitle, s.Label, s.PeriodEnd, s.PublishedAtUtc, s.Sha256,
        PublicUrls.Page(s.Kind, s.Key), PublicUrls.Csv(s.Kind, s.Key), PublicUrls.Json(s.Kind, s.Key));

    static IResult? BadPaging(int page, int pageSize)
    {
        var errors = new List<(string, string)>();
        if (page < 1) errors.Add(("page", "Trang (page) bắt đầu từ 1."));
        if (pageSize is < 1 or > MaxPageSize) errors.Add(("pageSize", $"Số dòng mỗi trang (pageSize) từ 1 đến {MaxPageSize}."));
        return errors.Count > 0 ? ApiProblems.Invalid(errors) : null;
    }

    static async Task<IResult> List(HttpContext http, PublicCatalog catalog, IConfiguration config, [FromQuery] int page = 1, [FromQuery] int pageSize = 100)
    {
        if (BadPaging(page, pageSize) is { } bad) return bad;
        var items = await catalog.ListAsync();
        var last = items.Count == 0 ? DateTime.UnixEpoch : items.Max(i => i.PublishedAtUtc);
        if (PublicHttp.NotModified(http, $"{PublicCatalog.ETagOf(items)}-{page}-{pageSize}", last, PublicSettings.From(config).MaxAgeSeconds))
            return PublicHttp.NotModifiedResult();
        return TypedResults.Ok(new PublicItemListDto(page, pageSize, items.Count, items.Skip((page - 1) * pageSize).Take(pageSize).Select(Dto).ToList()));
    }

    static async Task<IResult> Rows(string kind, string key, HttpContext http, PublicCatalog catalog, IConfiguration config,
        [FromQuery] int page = 1, [FromQuery] int pageSize = 100)
    {
        if (BadPaging(page, pageSize) is { } bad) return bad;
        if (await catalog.ItemAsync(kind, key) is not { } item) return ApiProblems.NotFound("Không có bảng nào được công bố với loại và khóa này.");
        if (PublicHttp.NotModified(http, $"{item.Summary.Sha256[..32]}-{page}-{pageSize}", item.Summary.PublishedAtUtc, PublicSettings.From(config).MaxAgeSeconds))
            return PublicHttp.NotModifiedResult();
        var cols = item.Table.Columns;
        var rows = item.Table.Rows.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => cols.Select((c, i) => (c.Name, Value: r[i])).ToDictionary(x => x.Name, x => x.Value)).ToList();
        return TypedResults.Ok(new PublicRowsDto(Dto(item.Summary), cols.Select(c => new PublicFieldDto(c.Name, c.Type, c.Title, c.Description)).ToList(),
            page, pageSize, item.Table.Rows.Count, rows));
    }

    static async Task<IResult> Csv(string kind, string key, HttpContext http, PublicCatalog catalog, IConfiguration config)
    {
        if (await catalog.ItemAsync(kind, key) is not { } item) return Results.NotFound();
        if (PublicHttp.NotModified(http, item.Summary.Sha256[..32] + "-csv", item.Summary.PublishedAtUtc, PublicSettings.From(config).MaxAgeSeconds))
            return PublicHttp.NotModifiedResult();
        return Results.File(CsvBytes(item.Table), "text/csv; charset=utf-8", $"{DataPackage.ResourceName(kind, key)}.csv");
    }

    /// <summary>
    /// RFC 4180 in UTF-8 with a BOM (Excel then reads the Vietnamese letters right), header = field names. Text cells get
    /// CsvCells' formula guard; numbers, dates and booleans are written as they are, so "-2" stays an integer for the schema.
    /// </summary>
    public static byte[] CsvBytes(PublicTable table)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', table.Columns.Select(c => Quote(c.Name))).Append("\r\n");
        foreach (var row in table.Rows)
            sb.AppendJoin(',', row.Select(cell => cell is string text ? Quote(Guard(text)) : PublicTableJson.Csv(cell))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    static string Guard(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    static string Quote(string text) => text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? '"' + text.Replace("\"", "\"\"") + '"' : text;

    static async Task<IResult> Json(string kind, string key, HttpContext http, PublicCatalog catalog, IConfiguration config)
    {
        if (await catalog.ItemAsync(kind, key) is not { } item) return Results.NotFound();
        if (PublicHttp.NotModified(http, item.Summary.Sha256[..32] + "-json", item.Summary.PublishedAtUtc, PublicSettings.From(config).MaxAgeSeconds))
            return PublicHttp.NotModifiedResult();
        var cols = item.Table.Columns;
        return Results.Json(new
        {
            item = Dto(item.Summary),
            fields = cols,
            rows = item.Table.Rows.Select(r => cols.Select((c, i) => (c.Name, Value: r[i])).ToDictionary(x => x.Name, x => x.Value)),
        }, PublicTableJson.Options, "application/json; charset=utf-8");
    }

    static async Task<IResult> DataPackageJson(HttpContext http, PublicCatalog catalog, IConfiguration config)
    {
        var settings = PublicSettings.From(config);
        var list = await catalog.ListAsync();
        var last = list.Count == 0 ? DateTime.UnixEpoch : list.Max(i => i.PublishedAtUtc);
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        if (PublicHttp.NotModified(http, PublicCatalog.ETagOf(list) + "-dp-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(baseUrl)))[..8],
                last, settings.MaxAgeSeconds))
            return PublicHttp.NotModifiedResult();
        var items = new List<PublishedItem>();
        foreach (var s in list)
            if (await catalog.ItemAsync(s.Kind, s.Key) is { } item) items.Add(item);
        return Results.Text(DataPackage.Build(items, settings, baseUrl).ToJsonString(PublicTableJson.Options), "application/json; charset=utf-8", Encoding.UTF8);
    }
}
