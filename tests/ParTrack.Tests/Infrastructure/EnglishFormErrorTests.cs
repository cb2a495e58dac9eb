using System.Net;
using System.Text;
using AngleSharp.Dom;
using FluentAssertions;
using ParTrack.Features.Demo;
using ParTrack.Tests.ParIndex;
using ParTrack.Tests.Reporting;

namespace ParTrack.Tests.Infrastructure;

/// <summary>
/// A refused post in English shows its errors in English: what a page handler, a feature service's outcome or the
/// importer said (Vietnamese, the resource key, often with values in it) is translated when the page shows it. Each
/// test posts a real form with English chosen and reads the errors on the page; a message missing from
/// SharedResource.en.resx, or one built so that it cannot be looked up, shows up here as Vietnamese.
/// </summary>
public sealed class EnglishFormErrorTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ParSelfAssessment_WithEvidenceMissing_InEnglish_ListsWhatIsMissingInEnglish(string provider)
    {
        var app = fx.App(provider);
        var url = $"/ParIndex/Assessments/{await app.AssessmentIdAsync(await app.OpenRoundAsync(2041), "Sở Nội vụ")}";
        var snv = await SignedInAsync(app, "snv", "en-US");
        var prefix = await snv.RowPrefixAsync(url, "2.1.2");

        var saved = await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "1" });

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var missing = InEnglish((await snv.RawGetPageAsync(url)).QuerySelector("#missing"));
        missing.Should().Contain("Criterion 2.1.2 requires supporting evidence but no file has been attached.");
    }

    /// <summary>A message made of two (a domain rule's refusal and "the score saved earlier has been kept"), with values in both.</summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ParSelfAssessment_ScoreOutOfRange_InEnglish_SaysBothPartsInEnglish(string provider)
    {
        var app = fx.App(provider);
        var url = $"/ParIndex/Assessments/{await app.AssessmentIdAsync(await app.OpenRoundAsync(2042), "Sở Nội vụ")}";
        var snv = await SignedInAsync(app, "snv", "en-US");
        var prefix = await snv.RowPrefixAsync(url, "2.1.2");

        await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "3", [$"{prefix}.Explanation"] = "x" });

        InEnglish((await snv.RawGetPageAsync(url)).QuerySelector("#missing")).Should().Contain(
            "The score for criterion 2.1.2 must be between 0 and 1 (entered 3). Please enter a score in that range. The score saved earlier has been kept.");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ParSelfAssessment_WithEvidenceMissing_InVietnamese_IsUnchanged(string provider)
    {
        var app = fx.App(provider);
        var url = $"/ParIndex/Assessments/{await app.AssessmentIdAsync(await app.OpenRoundAsync(2043), "Sở Nội vụ")}";
        var snv = await SignedInAsync(app, "snv", "vi-VN");
        var prefix = await snv.RowPrefixAsync(url, "2.1.2");

        await snv.PostMultipartAsync(url, "Save", new Dictionary<string, string?> { [$"{prefix}.Points"] = "một" });

        var missing = (await snv.RawGetPageAsync(url)).QuerySelector("#missing")!.TextContent;
        missing.Should().Contain("Điểm tiêu chí 2.1.2 không phải là số (đã nhập \"một\"); điểm đã lưu trước đó được giữ nguyên. Hãy nhập số, ví dụ 1,5.");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PlanImport_DocumentWithoutAYear_InEnglish_SaysWhatIsMissingInEnglish(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await SignedInAsync(app, "coordinator", "en-US");
        var plan = "KẾ HOẠCH\nCải cách hành chính\nTT\tNhiệm vụ\tHoạt động\tKết quả\tChủ trì\tPhối hợp\tThời gian hoàn thành\tKinh phí\n"
            + "I\tCẢI CÁCH THỂ CHẾ\n1\t1. Rà soát văn bản\t1.1. Lập danh mục văn bản\tDanh mục\tSở Nội vụ\t\tQuý I\t\n";

        var refused = await PostImportAsync(coordinator, Encoding.UTF8.GetBytes(plan));

        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        Errors(await refused.ParseAsync()).Should().Contain(e => e.Contains("The plan's year is missing"));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task PlanImport_EmptyFile_InEnglish_SaysSoInEnglish(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await SignedInAsync(app, "coordinator", "en-US");

        var refused = await PostImportAsync(coordinator, []);

        Errors(await refused.ParseAsync()).Should().Contain(e => e.StartsWith("Please choose a plan file to upload"));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task ReportSubmit_NotDoneWithoutAReason_InEnglish_IsRefusedInEnglish(string provider)
    {
        var app = fx.App(provider);
        var (_, period) = await app.OpenQ1Async();
        var url = ReportTestData.ReportUrl(period, await app.AgencyIdAsync("Sở Nội vụ"));
        var officer = await SignedInAsync(app, "snv", "en-US");
        var page = await officer.GetPageAsync(url);
        var fields = new Dictionary<string, string?> { ["Results"] = "Ban hành kế hoạch đúng tiến độ." };
        foreach (var status in page.QuerySelectorAll("#report-form select[name$='.Status']"))
            fields[status.GetAttribute("name")!] = "NotDone";

        var refused = await ReportingCycleTests.PostFormToAsync(officer, url, "#report-form", url + "?handler=Submit", fields);

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = (await refused.ParseAsync()).QuerySelectorAll(".field-validation-error, .validation-summary-errors li")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        errors.Should().Contain(e => e.StartsWith("The activity \"") && e.EndsWith("\" was not carried out: please state the reason."));
        errors.Should().NotContain(e => e.Contains("không thực hiện"));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NewAccount_OfficerWithoutAgency_InEnglish_IsRefusedInEnglish(string provider)
    {
        var app = fx.App(provider);
        var admin = await SignedInAsync(app, "admin", "en-US");

        var refused = await admin.SubmitFormAsync("/Accounts/UserEdit", new Dictionary<string, string?>
        {
            ["Input.UserName"] = "cb" + Guid.NewGuid().ToString("N")[..6], ["Input.DisplayName"] = "Cán bộ thử", ["Input.Role"] = "AgencyOfficer",
            ["Input.AgencyId"] = null, ["Input.NewPassword"] = "Mat-khau-dai-2026!", ["Input.Active"] = "true",
        });

        Errors(await refused.ParseAsync()).Should().Contain("An agency officer must belong to an agency.");
    }

    /// <summary>A message with what the user typed in it, written by the page handler itself.</summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task EmailChoice_BadAddress_InEnglish_NamesTheAddressInEnglish(string provider)
    {
        var app = fx.App(provider);
        var officer = await SignedInAsync(app, "stp", "en-US");
        var page = await officer.GetPageAsync("/Notifications/Email");
        var topic = page.QuerySelector("#email-choice input[type=checkbox]")!;

        var refused = await officer.SubmitFormAsync("/Notifications/Email",
            new Dictionary<string, string?> { ["Address"] = "not-an-address", [topic.GetAttribute("name")!] = topic.GetAttribute("value") ?? "on" },
            "#email-choice");

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        Errors(await refused.ParseAsync()).Should().Contain("The e-mail address \"not-an-address\" is not valid. Enter it as name@agency.gov.vn; your saved choices have been kept.");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NewInspectionProgramme_WithoutATitle_InEnglish_IsRefusedInEnglish(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await SignedInAsync(app, "coordinator", "en-US");

        var refused = await coordinator.SubmitFormAsync("/Inspections", new Dictionary<string, string?> { ["Form.Title"] = "" });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        InEnglish((await refused.ParseAsync()).QuerySelector("main .alert-danger")).Should().Contain("Please enter the inspection programme's title.");
    }

    /// <summary>A number that does not read: the binding's own message, with the field's label and what was typed in it.</summary>
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task NewSurvey_MarginNotANumber_InEnglish_NamesTheFieldInEnglish(string provider)
    {
        var app = fx.App(provider);
        var coordinator = await SignedInAsync(app, "coordinator", "en-US");

        var refused = await coordinator.SubmitFormAsync("/Satisfaction/Create", new Dictionary<string, string?> { ["Form.Margin"] = "năm phần trăm" });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var alert = (await refused.ParseAsync()).QuerySelector("main .alert-danger")!.TextContent.Replace("năm phần trăm", "");
        EnglishInterfaceTests.HasVietnamese(alert).Should().BeFalse("\"{0}\" is shown to an English reader", alert);
        alert.Should().Contain("could not be read").And.Contain("Nothing has been saved.");
    }

    static async Task<HttpResponseMessage> PostImportAsync(HttpClient client, byte[] content)
    {
        var token = await client.TokenAsync("/Plans/Import");
        using var form = new MultipartFormDataContent { { new StringContent(token!), HttpForms.TokenField } };
        if (content.Length > 0) form.Add(new ByteArrayContent(content), "file", "ke-hoach-thu.txt");
        return await client.PostAsync("/Plans/Import", form);
    }

    /// <summary>The form's errors (beside the fields and in the summary); there must be some, and none in Vietnamese.</summary>
    static List<string> Errors(IDocument page)
    {
        var errors = page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        errors.Should().NotBeEmpty("the page shows the refusal");
        errors.Should().NotContain(e => EnglishInterfaceTests.HasVietnamese(e), "the errors are shown to an English reader");
        return errors;
    }

    /// <summary>The element's text, which must be there and hold no Vietnamese.</summary>
    static string InEnglish(IElement? element)
    {
        element.Should().NotBeNull("the page shows the refusal");
        var text = element!.TextContent.Trim();
        EnglishInterfaceTests.HasVietnamese(text).Should().BeFalse("\"{0}\" is shown to an English reader", text);
        return text;
    }

    /// <summary>A client of its own (the fixture's clients are shared by the class) with the language chosen.</summary>
    static async Task<HttpClient> SignedInAsync(TestApp app, string user, string culture)
    {
        var client = app.Anonymous();
        (await client.LoginAsync(user, DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync($"/lang/{culture}?returnUrl=/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        return client;
    }
}
