using FluentAssertions;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Guide;

/// <summary>Long operations (imports, uploads) say they are working and cannot be sent twice (data-busy, site.js).</summary>
public sealed class BusyFormTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("/Plans/Import")]
    [InlineData("/Agencies/Csv")]
    public async Task UploadForm_CarriesDataBusy(string url)
    {
        var coordinator = await fx.App().As("coordinator");
        var form = (await coordinator.GetPageAsync(url)).QuerySelector("main form[enctype='multipart/form-data']");
        form.Should().NotBeNull();
        form!.GetAttribute("data-busy").Should().Be("Đang xử lý…");
    }
}
