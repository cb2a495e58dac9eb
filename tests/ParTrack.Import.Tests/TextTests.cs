using System.Text;
using FluentAssertions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Tests;

public class TextTests
{
    [Fact]
    public void Clean_NfcCollapsesSpacesAndDropsInvisibles() =>
        Text.Clean(" Sở\u00A0Nội\u200B  vụ\0\u00AD\n".Normalize(NormalizationForm.FormD)).Should().Be("Sở Nội vụ");

    [Theory]
    [InlineData("Số hoá", "số hoá")]
    [InlineData("Số hóa", "số hoá")]
    [InlineData("Ủy ban", "uỷ ban")]
    [InlineData("Uỷ ban", "uỷ ban")]
    [InlineData("khỏe", "khoẻ")]
    [InlineData("Quý I", "quý i")]
    [InlineData("hoàn thành", "hoàn thành")]
    [InlineData("của", "của")]
    public void Fold_UnifiesOldAndNewTonePlacement(string input, string folded) => Text.Fold(input).Should().Be(folded);

    [Fact]
    public void Squash_JoinsBrokenWords() => Text.Squash("Thườn g\nxuyên").Should().Be("thườngxuyên");
}
