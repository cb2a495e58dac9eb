using System.Text.Json;
using FluentAssertions;
using ParTrack.Cli;

namespace ParTrack.Tests.Cli;

/// <summary>`partrack import`: JSON only on standard output, warnings on standard error, exit codes.</summary>
public class ImportCommandTests
{
    static string Seed(string prefix)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (Directory.Exists(folder)) return Directory.GetFiles(folder, prefix + "_*.txt").Single();
        }
        throw new DirectoryNotFoundException("../shared/seeds");
    }

    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ImportCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_PrintsOnlyThePlanOnStandardOutput()
    {
        var (code, stdout, stderr) = Run(Seed("000"), "--json");

        code.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);   // nothing but JSON on stdout
        json.RootElement.GetProperty("schema").GetString().Should().Be("partrack.plan/v1");
        json.RootElement.GetProperty("document").GetProperty("number").GetString().Should().Be("3098/QĐ-UBND");
        json.RootElement.GetProperty("activities").GetArrayLength().Should().BeGreaterThan(80);
        stdout.Should().NotContain("Cảnh báo");
        stderr.Should().Contain("Cảnh báo");   // seed 000 has blank lead cells, reported with their row
    }

    [Fact]
    public void Summary_IsVietnameseWithCountsPerArea()
    {
        var (code, stdout, _) = Run(Seed("002"));

        code.Should().Be(0);
        stdout.Should().Contain("lĩnh vực").And.Contain("hoạt động").And.Contain("CẢI CÁCH THỂ CHẾ");
        stdout.Should().Contain("(chưa có số)");   // the 2024 draft has a blank number
    }

    [Fact]
    public void Year_OverridesThePlanYear()
    {
        var (code, stdout, _) = Run(Seed("000"), "--json", "--year", "2030");

        code.Should().Be(0);
        JsonDocument.Parse(stdout).RootElement.GetProperty("document").GetProperty("fromYear").GetInt32().Should().Be(2030);
    }

    [Fact]
    public void MissingFile_ExitsNonZeroWithOneLineReason()
    {
        var (code, stdout, stderr) = Run("/no/such/plan.docx", "--json");

        code.Should().NotBe(0);
        stdout.Should().BeEmpty();
        stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("Không tìm thấy tệp");
    }

    [Fact]
    public void BinaryGarbage_IsRefusedWithAReason()
    {
        var path = Path.GetTempFileName();
        File.WriteAllBytes(path, Enumerable.Range(0, 4096).Select(i => (byte)(i * 97 % 251)).ToArray());
        try
        {
            var (code, stdout, stderr) = Run(path);
            code.Should().Be(1);
            stdout.Should().BeEmpty();
            stderr.Should().StartWith("Lỗi:");
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("--year")]
    [InlineData("--year", "abc")]
    [InlineData("--bogus")]
    public void BadArguments_ExitWithUsage(params string[] args)
    {
        var (code, _, stderr) = Run([Seed("000"), .. args]);

        code.Should().Be(2);
        stderr.Should().NotBeEmpty();
    }

    [Fact]
    public void HeaderOnly_PrintsWhatWasReadAndExitsThree()
    {
        var path = Path.Combine(Path.GetTempPath(), $"header-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "UBND TỈNH BÌNH PHƯỚC\nSỞ NỘI VỤ\nSố: 1204/KH-SNV\nBình Phước, ngày 29 tháng 12 năm 2021\nKẾ HOẠCH\nCải cách hành chính năm 2022 của Sở Nội vụ\n");
        try
        {
            var (code, stdout, stderr) = Run(path, "--json");

            code.Should().Be(ImportCommand.NoPlanBody).And.Be(3);
            var document = JsonDocument.Parse(stdout).RootElement.GetProperty("document");
            document.GetProperty("number").GetString().Should().Be("1204/KH-SNV");
            document.GetProperty("issuer").GetString().Should().Be("Sở Nội vụ");
            document.GetProperty("fromYear").GetInt32().Should().Be(2022);
            stderr.Should().Contain("Chỉ đọc được phần đầu văn bản / bản tóm tắt: chưa có bảng nhiệm vụ");
        }
        finally { File.Delete(path); }
    }
}
