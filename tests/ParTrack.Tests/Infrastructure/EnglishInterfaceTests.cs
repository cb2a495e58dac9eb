using System.Data.Common;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Tests.Authorization;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// With English chosen, no page a coordinator opens shows Vietnamese of ours: every text node and label is either
/// translated or user data (anything stored in the database: agency names, plan titles, what officers typed).
/// A missing entry in Resources/SharedResource.en.resx shows up here as the Vietnamese key.
/// </summary>
public sealed partial class EnglishInterfaceTests(EnglishInterfaceTests.DemoApp demo) : IClassFixture<EnglishInterfaceTests.DemoApp>
{
    const string User = "coordinator";

    public static TheoryData<string> CoordinatorPages
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var c in RouteTable.All.Where(c => c.Method == "GET" && c.Allowed.Contains(User))) data.Add(c.Name);
            return data;
        }
    }

    /// <summary>Pages with a known untranslated text, each with what is missing; remove the line with the fix.</summary>
    /// <summary>Pages not walked yet, with why. Empty: the import preview's importer warnings are translated (Plans/ImportWarningText).</summary>
    static readonly Dictionary<string, string> KnownGaps = new();

    [Theory, MemberData(nameof(CoordinatorPages))]
    public async Task EnglishPage_ShowsNoVietnamese_ButUserData(string route)
    {
        if (KnownGaps.ContainsKey(route)) return;
        var app = demo.App;
        var client = await demo.EnglishClientAsync();
        var url = await RouteTable.Find(route).Url(app);
        if (url.StartsWith("/cong-khai")) return;   // the Vietnamese public site by its address; /public is its English

        var response = await client.GetAsync(url);

        if (response.Content.Headers.ContentType?.MediaType != "text/html") return;   // files, JSON: no interface text
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("lang=\"en", "the English culture cookie must hold for {0}", url);
        var data = await DataStringsAsync(app);
        var untranslated = Texts(html).Select(t => (Text: WithoutData(t.Text, data), t.Where)).Where(t => HasVietnamese(t.Text))
            .DistinctBy(t => t.Text).Select(t => $"{t.Text}  [in {t.Where}]").ToList();
        untranslated.Should().BeEmpty("{0} in English must show no Vietnamese text of ours (add it to SharedResource.en.resx)", url);
    }

    /// <summary>Letters only Vietnamese uses (ă đ ơ ư and the stacked tone marks), either case.</summary>
    internal static bool HasVietnamese(string s) => s.Any(ch => ch is 'ă' or 'Ă' or 'đ' or 'Đ' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or (>= '\u1EA0' and <= '\u1EF9'));

    /// <summary>Visible text nodes and the labels a screen reader reads, without scripts and styles.</summary>
    static IEnumerable<(string Text, string Where)> Texts(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        yield return (doc.Title ?? "", "title");
        // <code>: literal file content (the CSV columns a file must have), the same in both languages.
        // lang="vi": content that is Vietnamese in either interface language (a generated report's text being edited).
        foreach (var node in doc.Body!.Descendants().OfType<IText>())
            if (node.ParentElement?.LocalName is not ("script" or "style" or "code") && !InVietnamese(node.ParentElement)) yield return (node.Data, Where(node.ParentElement));
        foreach (var e in doc.Body!.Descendants<IElement>().Where(e => !InVietnamese(e)))
            foreach (var name in (string[])["aria-label", "title", "placeholder", "alt"])
                if (e.GetAttribute(name) is { } value) yield return (value, Where(e));
    }

    static bool InVietnamese(IElement? e) => e?.Closest("[lang]")?.GetAttribute("lang")?.StartsWith("vi") == true;

    static string Where(IElement? e) => e is null ? "" : $"<{e.LocalName}{(e.Id is { } id ? " id=" + id : "")}{(e.ClassName is { } c ? " class=" + c : "")}>";

    /// <summary>
    /// The text with user data taken out: a text that is (part of) one stored value is data; otherwise every stored
    /// value in it is removed, longest first. Legal document numbers (09/2019/NĐ-CP) are names, not words.
    /// </summary>
    static string WithoutData(string text, IReadOnlyList<string> data)
    {
        if (!HasVietnamese(text)) return "";
        if (IsPartOfData(text.Trim(), data)) return "";
        var rest = new StringBuilder(LegalNumber().Replace(text, " "));
        foreach (var d in data) rest.Replace(d, " ");
        var left = rest.ToString().Trim();
        if (!HasVietnamese(left) || IsPartOfData(left, data)) return "";
        return left == "Tiếng Việt" ? "" : left;   // the language switch names Vietnamese in Vietnamese
    }

    /// <summary>Also with the outline number the page puts before a stored text ("I. ", "1.2 ") and cut short ("…").</summary>
    static bool IsPartOfData(string text, IReadOnlyList<string> data)
    {
        var core = OutlineNumber().Replace(text, "").TrimEnd('…').Trim();
        return core.Length > 0 && data.Any(d => d.Contains(core, StringComparison.Ordinal));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([IVXLCDM]+|\d+(\.\d+)*)[.)]?\s+")]
    private static partial System.Text.RegularExpressions.Regex OutlineNumber();

    [System.Text.RegularExpressions.GeneratedRegex(@"\d+/\d{4}/[A-ZĐ]+(-[A-ZĐ]+)*")]
    private static partial System.Text.RegularExpressions.Regex LegalNumber();

    /// <summary>Every non-empty string column value in the database, longest first.</summary>
    static Task<List<string>> DataStringsAsync(TestApp app) => app.Db(async db =>
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
                foreach (var p in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetValueConverter() is null))
                {
                    await using var cmd = conn.CreateCommand();
                    cmd.CommandText = $"SELECT DISTINCT \"{p.GetColumnName()}\" FROM \"{entity.GetTableName()}\"";
                    await using DbDataReader r = await cmd.ExecuteReaderAsync();
                    while (await r.ReadAsync())
                        if (!r.IsDBNull(0) && r.GetString(0) is { Length: > 1 } s)
                            foreach (var value in IsJson(s) ? JsonStrings(JsonDocument.Parse(s).RootElement) : [s])
                                foreach (var line in value.Split('\n'))
                                    if (line.Trim().Length > 1 && HasVietnamese(line)) values.Add(line.Trim());
                }
        }
        finally { await db.Database.CloseConnectionAsync(); }
        return values.OrderByDescending(v => v.Length).ToList();
    });

    static bool IsJson(string s)
    {
        if (s is not ['{', ..] and not ['[', ..]) return false;
        try { JsonDocument.Parse(s).Dispose(); return true; }
        catch (JsonException) { return false; }
    }

    /// <summary>Stored JSON (a criteria set) holds its texts escaped: take them out as they are shown.</summary>
    static IEnumerable<string> JsonStrings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(JsonStrings).ToList(),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => JsonStrings(p.Value)).ToList(),
        _ => [],
    };

    /// <summary>The demo with its plans, and the coordinator's client with English chosen.</summary>
    public sealed class DemoApp : IAsyncLifetime
    {
        public TestApp App { get; } = new(Databases.Sqlite, seedPlans: true);
        HttpClient? _english;

        public async Task<HttpClient> EnglishClientAsync()
        {
            if (_english is not null) return _english;
            var client = await App.As(User);
            (await client.GetAsync("/lang/en-US?returnUrl=/")).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
            return _english = client;
        }

        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
