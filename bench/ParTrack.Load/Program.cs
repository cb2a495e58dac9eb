// Report-save load for docs/benchmarks.md ("## Reporting"): N clients, each owning its own draft reports,
// save for a fixed time; only the save request is timed. A compiled, async client so the load
// generator's own CPU (it shares the 2 cores with the server) stays small.
//
//   partrack-load BASE COOKIE_FILE URLS_FILE CLIENTS SECONDS MODE
//
// URLS_FILE: one report path per line (/Reports/Periods/P/Agencies/A). MODE:
//   autosave-one / autosave-all  the page's "save as you go" request (?handler=Autosave): the whole form is
//                                posted, one entry's text (or every entry's) changed; the next save sends the
//                                Version the answer returned, as the page's script does.
//   form-one / form-all          the "Lưu nháp" button: GET the page, POST the form (redirect not followed).
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

if (args.Length < 6)
{
    Console.Error.WriteLine("usage: partrack-load BASE COOKIE_FILE URLS_FILE CLIENTS SECONDS autosave-one|autosave-all|form-one|form-all");
    return 2;
}
var baseUrl = new Uri(args[0]);
var cookie = File.ReadAllText(args[1]).Trim();
var urls = File.ReadAllLines(args[2]).Where(u => u.Trim().Length > 0).ToArray();
var clients = int.Parse(args[3]);
var seconds = double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
var mode = args[5];
var autosave = mode.StartsWith("autosave");
var changeAll = mode.EndsWith("all");

using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = clients })
{
    BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30),
};
http.DefaultRequestHeaders.Add("Cookie", cookie);

var times = new List<double>();
var statuses = new Dictionary<string, int>();
var stopAt = new Stopwatch();
var limit = TimeSpan.FromSeconds(seconds);
var shares = Enumerable.Range(0, clients).Select(k => urls.Where((_, j) => j % clients == k).ToArray()).ToArray();

void Count(string key) { lock (statuses) statuses[key] = statuses.GetValueOrDefault(key) + 1; }

async Task<List<KeyValuePair<string, string>>?> FormAsync(string url)
{
    using var response = await http.GetAsync(url);
    var page = await response.Content.ReadAsStringAsync();
    if (response.StatusCode != HttpStatusCode.OK || !page.Contains("id=\"report-form\"")) { Count($"GET {(int)response.StatusCode}"); return null; }
    return Form.Fields(page);
}

// Autosave: every client first opens its reports (untimed, as users open the page once and then type).
var open = shares.Select(_ => new Dictionary<string, List<KeyValuePair<string, string>>>()).ToArray();
if (autosave)
    await Task.WhenAll(shares.Select((mine, k) => Task.Run(async () =>
    {
        foreach (var url in mine) if (await FormAsync(url) is { } fields) open[k][url] = fields;
    })));

async Task Client(int k)
{
    var mine = shares[k];
    for (var i = 0; stopAt.Elapsed < limit; i++)
    {
        var url = mine[i % mine.Length];
        if (!autosave || !open[k].TryGetValue(url, out var fields))
        {
            fields = await FormAsync(url);
            if (fields is null) continue;
            if (autosave) open[k][url] = fields;
        }
        var posted = Form.Changed(fields, changeAll);
        var target = autosave ? url + "?handler=Autosave" : url;
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(target, new FormUrlEncodedContent(posted));
        var body = await response.Content.ReadAsStringAsync();
        var ms = watch.Elapsed.TotalMilliseconds;
        lock (times) times.Add(ms);
        Count(((int)response.StatusCode).ToString());
        if (autosave && response.IsSuccessStatusCode)
            Form.Set(fields, "Version", JsonDocument.Parse(body).RootElement.GetProperty("version").GetString()!);
        else if (autosave) open[k].Remove(url);   // reload the page, as a user would after a refusal
    }
}

stopAt.Start();
await Task.WhenAll(Enumerable.Range(0, clients).Select(k => Task.Run(() => Client(k))));
times.Sort();
double Pct(double p) => times.Count == 0 ? double.NaN : times[Math.Min(times.Count - 1, (int)(times.Count * p))];
Console.WriteLine($"mode {mode}: saves: {times.Count} in {seconds:0} s ({times.Count / seconds:0.0}/s), status {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}");
Console.WriteLine($"save latency ms: p50 {Pct(.5):0.0}  p90 {Pct(.9):0.0}  p95 {Pct(.95):0.0}  p99 {Pct(.99):0.0}  max {(times.Count > 0 ? times[^1] : double.NaN):0.0}");
return 0;

static partial class Form
{
    /// <summary>The report form's fields as the browser would post them (file inputs left out; selects set to "in progress").</summary>
    public static List<KeyValuePair<string, string>> Fields(string page)
    {
        var start = page.IndexOf("id=\"report-form\"", StringComparison.Ordinal);
        var form = page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match m in Input().Matches(form))
            if (!m.Value.Contains("type=\"file\"")) fields.Add(new(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));
        foreach (Match m in Select().Matches(form)) fields.Add(new(m.Groups[1].Value, "InProgress"));
        foreach (Match m in TextArea().Matches(form)) fields.Add(new(WebUtility.HtmlDecode(m.Groups[1].Value), WebUtility.HtmlDecode(m.Groups[2].Value)));
        return fields;
    }

    /// <summary>The fields with the results section and one entry's text (or every entry's) changed.</summary>
    public static List<KeyValuePair<string, string>> Changed(List<KeyValuePair<string, string>> fields, bool all)
    {
        var stamp = $"Cập nhật tiến độ lúc {DateTime.UtcNow:HH:mm:ss.ffffff}";
        var first = true;
        return fields.Select(f =>
        {
            var isWork = f.Key.EndsWith(".WorkDone", StringComparison.Ordinal);
            var change = f.Key == "Results" || (isWork && (all || first));
            if (isWork) first = false;
            return change ? new KeyValuePair<string, string>(f.Key, stamp) : f;
        }).ToList();
    }

    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        var i = fields.FindIndex(f => f.Key == name);
        if (i >= 0) fields[i] = new(name, value);
    }

    [GeneratedRegex("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")] private static partial Regex Input();
    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"")] private static partial Regex Select();
    [GeneratedRegex("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)] private static partial Regex TextArea();
}
