using FluentAssertions;

namespace ParTrack.Tests.Infrastructure;

/// <summary>Basic accessibility of every page: title, landmarks, skip link, a label for every field.</summary>
public sealed class AccessibilityTests(AppFixture fx) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "anonymous", "/Accounts/Login" },
        { "anonymous", "/cong-khai" },
        { "admin", "/" },
        { "admin", "/Agencies" },
        { "admin", "/Agencies/Edit" },
        { "admin", "/Agencies/Edit/2" },
        { "admin", "/Agencies/Groups" },
        { "admin", "/Agencies/GroupEdit" },
        { "admin", "/Agencies/Csv" },
        { "admin", "/Agencies/Reorganise" },
        { "admin", "/Accounts/Users" },
        { "admin", "/Accounts/UserEdit" },
        { "admin", "/Accounts/Audit" },
    };

    [Theory, MemberData(nameof(Pages))]
    public async Task Page_HasTitleLandmarksAndLabelledFields(string user, string url)
    {
        var app = fx.App();
        var client = user == "anonymous" ? app.Anonymous() : await app.As(user);
        var page = await client.GetPageAsync(url);

        page.DocumentElement.GetAttribute("lang").Should().Be("vi");
        page.Title.Should().EndWith("– ParTrack").And.NotStartWith("–");
        page.QuerySelectorAll("main").Should().ContainSingle();
        page.QuerySelectorAll("h1").Should().ContainSingle();
        page.QuerySelector("a.skip-link")!.GetAttribute("href").Should().Be("#main");
        foreach (var field in page.QuerySelectorAll("input, select, textarea"))
        {
            var type = field.GetAttribute("type");
            if (type is "hidden" or "submit" or "button") continue;
            var id = field.GetAttribute("id");
            var labelled = (id is not null && page.QuerySelector($"label[for='{id}']") is not null)
                || field.HasAttribute("aria-label") || field.HasAttribute("aria-labelledby") || field.Closest("label") is not null;
            labelled.Should().BeTrue($"{field.OuterHtml[..Math.Min(120, field.OuterHtml.Length)]} on {url} needs a label");
        }
    }
}
