using System.Text.Json.Nodes;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>
/// The Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) of everything published: one
/// tabular resource per published item pointing at its CSV, with its Table Schema, plus the province's identity
/// (name and code in the national list of administrative units) and the period key, so a national aggregator can
/// load 34 provinces' packages into one table (docs/open-data.md). Extension properties are prefixed "partrack:".
/// </summary>
public static class DataPackage
{
    public const string Profile = "tabular-data-package";

    public static JsonObject Build(IReadOnlyList<PublishedItem> items, PublicSettings settings, string baseUrl)
    {
        var resources = new JsonArray();
        foreach (var (s, table) in items)
            resources.Add(new JsonObject
            {
                ["name"] = ResourceName(s.Kind, s.Key),
                ["title"] = $"{s.DatasetTitle} – {s.Label}",
                ["profile"] = "tabular-data-resource",
                ["path"] = $"{baseUrl}{PublicUrls.Csv(s.Kind, s.Key)}",
                ["format"] = "csv",
                ["mediatype"] = "text/csv",
                ["encoding"] = "utf-8",
                ["hash"] = "sha256:" + s.Sha256,
                ["partrack:kind"] = s.Kind,
                ["partrack:key"] = s.Key,
                ["partrack:periodEnd"] = s.PeriodEnd?.ToString("yyyy-MM-dd"),
                ["partrack:published"] = s.PublishedAtUtc.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["partrack:json"] = $"{baseUrl}{PublicUrls.Json(s.Kind, s.Key)}",
                ["schema"] = new JsonObject
                {
                    ["fields"] = new JsonArray(table.Columns.Select(c => (JsonNode)new JsonObject
                    {
                        ["name"] = c.Name, ["type"] = c.Type, ["title"] = c.Title, ["description"] = c.Description,
                    }).ToArray()),
                    ["missingValues"] = new JsonArray(""),
                },
            });
        var code = settings.ProvinceCode;
        return new JsonObject
        {
            ["profile"] = Profile,
            ["name"] = $"partrack-province-{code}".ToLowerInvariant(),
            ["title"] = $"Dữ liệu mở cải cách hành chính – {settings.ProvinceName}",
            ["description"] = "Các bảng đã công bố trên trang công khai: tiến độ kế hoạch CCHC, chỉ tiêu, hoạt động, Chỉ số CCHC và các dữ liệu khác.",
            ["homepage"] = $"{baseUrl}/cong-khai",
            ["created"] = items.Count == 0 ? null : items.Max(i => i.Summary.PublishedAtUtc).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["licenses"] = new JsonArray(new JsonObject
            {
                ["name"] = settings.Licence,
                ["path"] = settings.Licence == "CC-BY-4.0" ? "https://creativecommons.org/licenses/by/4.0/" : null,
                ["title"] = settings.Licence == "CC-BY-4.0" ? "Creative Commons Attribution 4.0" : settings.Licence,
            }),
            ["partrack:province"] = new JsonObject { ["name"] = settings.ProvinceName, ["code"] = code, ["codeList"] = "Danh mục đơn vị hành chính Việt Nam (TCTK)" },
            ["partrack:periodKeys"] = "YYYY-3M, YYYY-6M, YYYY-9M, YYYY-12M: reporting periods by months covered from January; YYYY: a PAR Index year",
            ["resources"] = resources,
        };
    }

    /// <summary>Frictionless names are lower-case letters, digits, '-', '_' and '.'.</summary>
    public static string ResourceName(string kind, string key) =>
        new string($"{kind}_{key}".ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
}

/// <summary>The public site's addresses (Vietnamese; /public/... is the same in English).</summary>
public static class PublicUrls
{
    public static string Page(string kind, string key, bool english = false) => $"{(english ? "/public" : "/cong-khai")}/{Esc(kind)}/{Esc(key)}";
    public static string Embed(string kind, string key, bool english = false) => $"{(english ? "/public/embed" : "/cong-khai/nhung")}/{Esc(kind)}/{Esc(key)}";
    public static string Csv(string kind, string key) => $"/cong-khai/tai-ve/{Esc(kind)}/{Esc(key)}.csv";
    public static string Json(string kind, string key) => $"/cong-khai/tai-ve/{Esc(kind)}/{Esc(key)}.json";

    static string Esc(string s) => Uri.EscapeDataString(s);
}
