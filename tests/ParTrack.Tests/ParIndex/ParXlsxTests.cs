using System.IO.Compression;
using FluentAssertions;
using ParTrack.Features;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.ParIndex;

namespace ParTrack.Tests.ParIndex;

public sealed class ParXlsxTests
{
    [Fact]
    public void CriteriaSet_WrittenAndReadBack_IsTheSameTree()
    {
        var set = DefaultCriteriaSet.Build(2026);
        var bytes = ParXlsx.WriteSet(set);
        var (read, errors) = ParXlsx.ReadSet(new MemoryStream(bytes), 2026, set.Group);
        errors.Should().BeEmpty();
        read!.Title.Should().Be(set.Title);
        read.Areas.Should().HaveCount(8);
        // Records with lists compare lists by reference, so compare the JSON of both trees.
        CriteriaSetJson.Serialize(read).Should().Be(CriteriaSetJson.Serialize(set));
    }

    [Fact]
    public void MethodParameters_ReadAsWrittenByHand()
    {
        var (levels, e1) = ParXlsx.ParseMethod("levels", "0; 0,5; 1", "1.1.1");
        e1.Should().BeNull();
        ((LevelsScoring)levels!).Levels.Should().Equal(0m, 0.5m, 1m);

        var (ratio, e2) = ParXlsx.ParseMethod("ratio", "100%: 1; 90%: 0,5", "3.3.1");
        e2.Should().BeNull();
        ((RatioScoring)ratio!).Thresholds.Should().Equal(new RatioThreshold(1m, 1m), new RatioThreshold(0.9m, 0.5m));

        ParXlsx.ParseMethod("ratio", "100 phần trăm", "3.3.1").Error.Should().Contain("không đọc được mức hoặc ngưỡng");
        ParXlsx.ParseMethod("thang", "", "2.1").Error.Should().Contain("phương pháp \"thang\" không hợp lệ");
    }

    [Fact]
    public void SetWithAWrongMaximum_IsRefusedWithTheRow()
    {
        var bytes = ParXlsx.Write("x", "Bộ thử", ParXlsx.SetHeaders,
        [
            ["1", "Lĩnh vực", "1.1", "Tiêu chí", "1.1.1", "Tiêu chí thành phần", "mười", "range", "", "x", ""],
        ]);
        var (set, errors) = ParXlsx.ReadSet(new MemoryStream(bytes), 2026, "Sở");
        set.Should().BeNull();
        errors.Should().ContainSingle().Which.Should().Be("Dòng 3: điểm tối đa \"mười\" không phải là số.");
    }

    [Fact]
    public void Sniff_TellsTypesByTheirFirstBytes()
    {
        FileStore.Sniff("%PDF-1.7 ..."u8.ToArray()).Should().Be("application/pdf");
        FileStore.Sniff([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]).Should().Be("image/png");
        FileStore.Sniff([0xFF, 0xD8, 0xFF, 0xE0]).Should().Be("image/jpeg");
        FileStore.Sniff(ParXlsx.WriteSet(DefaultCriteriaSet.Build(2026))).Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        FileStore.Sniff(Zip("[Content_Types].xml", "word/document.xml")).Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        FileStore.Sniff(Zip("word/document.xml")).Should().BeNull("every real Word file has [Content_Types].xml; a ZIP without it is not one");
        FileStore.Sniff(Zip("[Content_Types].xml", "hello.txt")).Should().BeNull("a ZIP that is not a Word or Excel file is refused");
        FileStore.Sniff("MZ\x90\0"u8.ToArray()).Should().BeNull();
        FileStore.Sniff([]).Should().BeNull();
    }

    static byte[] Zip(params string[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, true))
            foreach (var entry in entries) zip.CreateEntry(entry);
        return ms.ToArray();
    }
}
