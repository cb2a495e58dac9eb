using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using FluentAssertions;
using Microsoft.EntityFrameworkCore;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.ParIndex;

/// <summary>Rounds and forms for PAR Index HTTP tests.</summary>
public static class ParIndexTestData
{
    /// <summary>A minimal valid PDF (magic bytes are what the store checks), unique per call unless text is given.</summary>
    public static byte[] Pdf(string? text = null) =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text ?? Guid.NewGuid().ToString()}\n%%EOF\n");

    static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    /// <summary>Creates a round for departments through the page, with the deadline in the future, and opens self-assessment.</summary>
    public static async Task<int> OpenRoundAsync(this TestApp app, int year = 2030)
    {
        var coordinator = await app.As("coordinator");
        var response = await coordinator.SubmitFormAsync("/ParIndex/Rounds/Create", new Dictionary<string, string?>
        {
            ["Form.Year"] = year.ToString(),
            ["Form.Title"] = TestData.Unique("Đợt"),
            ["Form.Groups"] = "Department",
            ["Form.SelfAssessmentDeadline"] = Today.AddDays(10).ToString("yyyy-MM-dd"),
            ["Form.AppraisalStart"] = Today.AddDays(11).ToString("yyyy-MM-dd"),
            ["Form.AppraisalEnd"] = Today.AddDays(20).ToString("yyyy-MM-dd"),
            ["Form.ClarificationStart"] = Today.AddDays(21).ToString("yyyy-MM-dd"),
            ["Form.ClarificationEnd"] = Today.AddDays(25).ToString("yyyy-MM-dd"),
            ["Form.PublishOn"] = Today.AddDays(30).ToString("yyyy-MM-dd"),
        });
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var url = response.Headers.Location!.OriginalString;
        var id = int.Parse(url.Split('/').Last());
        await app.MoveAsync(id);
        return id;
    }

    /// <summary>Opens the next step as the coordinator.</summary>
    public static async Task MoveAsync(this TestApp app, int roundId, bool forward = true)
    {
        var coordinator = await app.As("coordinator");
        var page = await coordinator.GetPageAsync($"/ParIndex/Rounds/{roundId}");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>()
            .First(f => f.GetAttribute("action")!.Contains($"forward={(forward ? "true" : "false")}", StringComparison.OrdinalIgnoreCase));
        var response = await coordinator.SubmitAsync(form, $"/ParIndex/Rounds/{roundId}");
        if (forward)
        {
            // Closing a step asks first (with counts); tests that only need the next step confirm, with a reason when asked.
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var confirm = (IHtmlFormElement)(await response.ParseAsync()).QuerySelector("#confirm-step-form")!;
            response = await coordinator.SubmitAsync(confirm, $"/ParIndex/Rounds/{roundId}",
                confirm.QuerySelector("[name=Reason]") is null ? null : new Dictionary<string, string?> { ["Reason"] = "Kiểm thử: mở bước tiếp theo." });
        }
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Changes the round's schedule as the coordinator (page "Sửa lịch, gia hạn"): self-assessment deadline
    /// and appraisal window in days from today (Vietnam date).
    /// </summary>
    public static async Task<HttpResponseMessage> SetAppraisalWindowAsync(this TestApp app, int roundId, int deadline, int start, int end)
    {
        var coordinator = await app.As("coordinator");
        return await coordinator.SubmitFormAsync($"/ParIndex/Rounds/{roundId}", new Dictionary<string, string?>
        {
            ["Schedule.SelfAssessmentDeadline"] = Today.AddDays(deadline).ToString("yyyy-MM-dd"),
            ["Schedule.AppraisalStart"] = Today.AddDays(start).ToString("yyyy-MM-dd"),
            ["Schedule.AppraisalEnd"] = Today.AddDays(end).ToString("yyyy-MM-dd"),
        }, "#schedule-form");
    }

    /// <summary>Moves the appraisal window to start today (the self-assessment deadline with it), so appraisal is open now.</summary>
    public static async Task AppraiseFromTodayAsync(this TestApp app, int roundId)
    {
        var response = await app.SetAppraisalWindowAsync(roundId, 0, 0, 20);
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, (await response.ParseAsync()).Messages());
    }

    public static Task<int> AssessmentIdAsync(this TestApp app, int roundId, string agency) =>
        app.Db(db => db.Set<ParAssessment>().Where(a => a.RoundId == roundId && a.Agency!.Name == agency).Select(a => a.Id).SingleAsync());

    /// <summary>
    /// Posts the page's form as multipart (like a browser with files) to `url?handler=...`, with the
    /// current values overridden by <paramref name="fields"/> and the given files attached.
    /// </summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string url, string handler,
        IDictionary<string, string?> fields, IDictionary<string, (string Name, byte[] Bytes)>? files = null, string formSelector = "#self-form",
        bool chunked = false)
    {
        var page = await client.GetPageAsync(url);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form {formSelector} on {url}: {page.Messages()}");
        var values = HttpForms.FormValues(form);
        foreach (var (k, v) in fields)
        {
            values.RemoveAll(p => p.Key == k);
            if (v is not null) values.Add(new(k, v));
        }
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in values) content.Add(new StringContent(v), k);
        foreach (var (field, file) in files ?? new Dictionary<string, (string, byte[])>())
        {
            // Chunked: a stream of unknown length, so the request has no Content-Length (as a streaming client sends it).
            HttpContent part = chunked ? new StreamContent(new UnknownLengthStream(file.Bytes)) : new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, file.Name);
        }
        return await client.PostAsync($"{url}?handler={handler}", content);
    }

    /// <summary>The form field prefix (Rows[i]) of a sub-criterion on a self-assessment or appraisal page.</summary>
    public static async Task<string> RowPrefixAsync(this HttpClient client, string url, string code, string formSelector = "main form")
    {
        var page = await client.GetPageAsync(url);
        var hidden = page.QuerySelectorAll($"{formSelector} input[type=hidden]").FirstOrDefault(e => e.GetAttribute("value") == code
            && e.GetAttribute("name")!.EndsWith(".Code"))
            ?? throw new InvalidOperationException($"No row {code} on {url}: {page.Messages()}");
        return hidden.GetAttribute("name")![..^".Code".Length];
    }
}

/// <summary>Content whose length HttpClient cannot know in advance, so it is sent with Transfer-Encoding: chunked.</summary>
public sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes, writable: false)
{
    public override bool CanSeek => false;
}
