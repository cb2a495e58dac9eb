using System.Globalization;
using FluentAssertions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ParTrack.Tests.Shared;

/// <summary>
/// MessageText over the real resources: a Vietnamese message is found as it is, or by the format it was made from
/// (the values read back into the English), and anything else is shown as it is.
/// </summary>
public sealed class MessageTextTests
{
    static readonly IStringLocalizer<SharedResource> T = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    static string InCulture(string culture, string text)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return T.Message(text); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void AKey_InEnglish_IsItsTranslation() =>
        InCulture("en-US", "Hãy nhập tên đợt kiểm tra.").Should().Be("Please enter the inspection's name.");

    [Fact]
    public void AFormattedMessage_InEnglish_IsTheEnglishFormatWithTheSameValues() =>
        InCulture("en-US", "Năm 2031 nằm ngoài thời gian của kế hoạch (2026–2030). Hãy chọn năm trong khoảng đó.")
            .Should().Be("2031 is outside the plan's period (2026–2030). Please choose a year within it.");

    [Fact]
    public void AValueThatIsAMessage_InEnglish_IsTranslatedToo() =>
        InCulture("en-US", "Tiêu chí 1.2: Tệp rỗng (0 byte): \"a.pdf\". Hãy chọn đúng tệp minh chứng rồi tải lên lại.")
            .Should().Be("Criterion 1.2: The file \"a.pdf\" is empty (0 bytes). Choose the right evidence file and upload it again.");

    [Fact]
    public void AnEmptyValue_InEnglish_StillMatchesItsFormat() =>
        InCulture("en-US", "Tệp quá lớn: \"a.pdf\". Chỉ nhận tệp tối đa 20 MB; hãy nén hoặc chia nhỏ tệp rồi tải lên lại.")
            .Should().Be("The file \"a.pdf\" is too large. Files of at most 20 MB are accepted; compress or split the file and upload it again.");

    [Theory]
    [InlineData("Một câu không có trong tài nguyên {0} nào.")]   // user data, braces and all
    [InlineData("Already English.")]
    [InlineData("")]
    public void ATextThatIsNeitherKeyNorFormat_InEnglish_IsShownAsItIs(string text) =>
        InCulture("en-US", text).Should().Be(text);

    [Fact]
    public void AFormattedMessage_InVietnamese_IsUnchanged()
    {
        const string text = "Năm 2031 nằm ngoài thời gian của kế hoạch (2026–2030). Hãy chọn năm trong khoảng đó.";
        InCulture("vi-VN", text).Should().Be(text);
    }
}
