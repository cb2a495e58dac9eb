using System.Net;
using System.Net.Http.Headers;
using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Dossiers;

/// <summary>Integration tokens issued through /Accounts/Tokens as the administrator would, for the push API.</summary>
static class DossierTokens
{
    public static async Task<string> IssueAsync(TestApp app, string role = "Coordinator", int? agencyId = null)
    {
        var admin = await app.As("admin");
        var response = await admin.SubmitFormAsync("/Accounts/Tokens", new Dictionary<string, string?>
        {
            ["Input.Name"] = TestData.Unique("Một cửa"), ["Input.Role"] = role, ["Input.AgencyId"] = agencyId?.ToString(),
            ["Input.Expires"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        });
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var secret = (await response.ParseAsync()).QuerySelector("#new-secret")?.GetAttribute("value");
        secret.Should().StartWith("pt_");
        return secret!;
    }

    public static HttpClient Bearer(TestApp app, string secret)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static Task<HttpResponseMessage> PushCsvAsync(this HttpClient client, DossierCsv csv, string? source = null) =>
        client.PostAsync("/api/dossiers" + (source is null ? "" : $"?source={Uri.EscapeDataString(source)}"),
            new ByteArrayContent(csv.Bytes()) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } });
}
