using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// Browser-like helpers over HttpClient: read pages with AngleSharp and submit their forms with the
/// antiforgery token (and any hidden fields such as Version or the one-time form key) the page holds.
/// </summary>
public static class HttpForms
{
    public const string TokenField = "__RequestVerificationToken";

    public static async Task<IHtmlDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}: {html[..Math.Min(html.Length, 300)]}");
        var page = new HtmlParser().ParseDocument(html);
        // A report page whose report does not exist yet offers "Bắt đầu báo cáo" (a GET never creates it): press it as
        // the officer would, so tests that open a report to fill it need not each do so. RawGetPageAsync shows the page as is.
        if (page.QuerySelector("form#start-report") is IHtmlFormElement start)
        {
            var started = await client.SubmitAsync(start, url);
            if (started.StatusCode != HttpStatusCode.Redirect)
                throw new InvalidOperationException($"Starting the report on {url} gave {(int)started.StatusCode}");
            return await client.GetPageAsync(url);
        }
        return page;
    }

    /// <summary>GETs and parses a page without pressing anything on it.</summary>
    public static async Task<IHtmlDocument> RawGetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} gave {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// GETs <paramref name="url"/>, fills its form (the first post form inside &lt;main&gt;, or
    /// <paramref name="formSelector"/>) with its current values overridden by <paramref name="fields"/>,
    /// and posts it. Returns the response (redirects are not followed).
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string url,
        IDictionary<string, string?>? fields = null, string formSelector = "main form[method=post]")
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}");
        return await client.SubmitAsync(form, url, fields);
    }

    /// <summary>Posts an already loaded form (e.g. to post the same form twice).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, string pageUrl,
        IDictionary<string, string?>? fields = null)
    {
        var values = FormValues(form);
        foreach (var (k, v) in fields ?? new Dictionary<string, string?>())
        {
            values.RemoveAll(p => p.Key == k);
            if (v is not null) values.Add(new(k, v));
        }
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>The values a browser would send for this form as it stands.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled")) continue;
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) values.Add(new(name, input.Value ?? "on"));
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file":
                    break;
                case IHtmlInputElement input:
                    values.Add(new(name, input.Value ?? ""));
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                        values.Add(new(name, option.Value));
                    break;
                case IHtmlTextAreaElement area:
                    values.Add(new(name, area.Value));
                    break;
            }
        }
        return values;
    }

    /// <summary>
    /// Posts raw fields to a URL with a valid antiforgery token taken from <paramref name="tokenFrom"/>
    /// (any page of this client's session; the home page for signed-in users, the login page otherwise).
    /// </summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string url,
        IDictionary<string, string?> fields, string tokenFrom = "/")
    {
        var token = await client.TokenAsync(tokenFrom);
        var values = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).ToList();
        if (token is not null) values.Add(new(TokenField, token));
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static async Task<string?> TokenAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK) response = await client.GetAsync("/Accounts/Login");
        var page = await response.ParseAsync();
        return page.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value");
    }

    /// <summary>Signs in through the login form; success is a 302 to the return URL.</summary>
    public static Task<HttpResponseMessage> LoginAsync(this HttpClient client, string userName, string password) =>
        client.SubmitFormAsync("/Accounts/Login", new Dictionary<string, string?> { ["UserName"] = userName, ["Password"] = password });

    /// <summary>Text of the validation messages and alerts on a page, to assert Vietnamese errors.</summary>
    public static string Messages(this IDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".field-validation-error, .validation-summary-errors, .alert, .text-danger")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
}
