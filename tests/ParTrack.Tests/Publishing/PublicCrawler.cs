using System.Text.Json;
using AngleSharp.Html.Parser;

namespace ParTrack.Tests.Publishing;

/// <summary>
/// Everything the public can fetch: from the home pages, the data package and the API list, every local address under
/// /cong-khai, /public and /api/public that a page links to or a package names, each fetched once (at most 300).
/// </summary>
public static class PublicCrawler
{
    public sealed record Fetched(string Url, int Status, string Body);

    public static async Task<IReadOnlyList<Fetched>> CrawlAsync(HttpClient client)
    {
        var queue = new Queue<string>(["/cong-khai", "/public", "/cong-khai/datapackage.json", "/public/datapackage.json", "/api/public/datasets?pageSize=1000"]);
        var seen = new HashSet<string>(queue);
        var result = new List<Fetched>();
        while (queue.Count > 0 && result.Count < 300)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            result.Add(new Fetched(url, (int)response.StatusCode, body));
            foreach (var next in Links(url, body, response.Content.Headers.ContentType?.MediaType))
                if (IsPublic(next) && seen.Add(next)) queue.Enqueue(next);
        }
        return result;
    }

    static bool IsPublic(string url) => url.StartsWith("/cong-khai") || url.StartsWith("/public") || url.StartsWith("/api/public");

    static IEnumerable<string> Links(string url, string body, string? mediaType)
    {
        if (mediaType == "text/html")
        {
            var doc = new HtmlParser().ParseDocument(body);
            foreach (var a in doc.QuerySelectorAll("a[href], link[href]"))
                if (a.GetAttribute("href") is { } href && href.StartsWith('/') && !href.StartsWith("//")) yield return href;
            yield break;
        }
        if (mediaType != "application/json") yield break;
        using var json = JsonDocument.Parse(body);
        foreach (var s in Strings(json.RootElement))
        {
            var local = s.StartsWith("http://localhost") ? s["http://localhost".Length..] : s;
            if (local.StartsWith('/')) yield return local;
        }
        // The API's list names each item's kind and key: its rows are public too.
        if (url.StartsWith("/api/public/datasets?") && json.RootElement.TryGetProperty("items", out var items))
            foreach (var i in items.EnumerateArray())
                yield return $"/api/public/datasets/{i.GetProperty("kind").GetString()}/{i.GetProperty("key").GetString()}?pageSize=1000";
    }

    static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings).ToList(),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)).ToList(),
        _ => [],
    };
}
