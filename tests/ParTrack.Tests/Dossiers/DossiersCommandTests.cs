using System.Text.Json;
using FluentAssertions;
using ParTrack.Cli;

namespace ParTrack.Tests.Dossiers;

/// <summary>`partrack dossiers kpis`: the contract's JSON from a file, refused rows on standard error, exit codes.</summary>
public sealed class DossiersCommandTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("partrack-kpis-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = DossiersCommand.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_GivesTheContractsNumbersForProvinceAndEachAgency()
    {
        var file = new DossierCsv()
            .Row()                                                             // on time, online, full, paid, digitised
            .Row(resolved: "2025-01-25", channel: "trực tiếp", paid: "0")      // late
            .Row(status: "dang_xu_ly", resolved: "", due: "2025-02-01", fee: "0", inputs: "0", result: "0")   // overdue by 31/03
            .Row(status: "rut", agency: "UBND xã Thạch Hà")                    // withdrawn: received only
            .Row(received: "2025-04-02", due: "2025-04-12", resolved: "2025-04-05")   // outside the window
            .Row(received: "ngày mai")                                         // refused
            .Save(_dir);

        var (code, stdout, stderr) = Run("kpis", file, "--from", "2025-01-01", "--to", "2025-03-31", "--json");

        code.Should().Be(0);
        stderr.Should().Contain("Dòng 7:").And.Contain("received_at");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("schema").GetString().Should().Be("partrack.kpis/v1");
        root.GetProperty("from").GetString().Should().Be("2025-01-01");
        root.GetProperty("formula_version").GetString().Should().Be("v1");
        var p = root.GetProperty("province");
        p.GetProperty("received").GetInt32().Should().Be(4);
        p.GetProperty("resolved").GetInt32().Should().Be(2);
        p.GetProperty("on_time").GetInt32().Should().Be(1);
        p.GetProperty("late").GetInt32().Should().Be(1);
        p.GetProperty("on_time_rate").GetDecimal().Should().Be(50m);
        p.GetProperty("overdue_in_progress").GetInt32().Should().Be(1);
        p.GetProperty("online_rate").GetDecimal().Should().Be(50m);         // 2 of 4 received (withdrawn counts in received)
        p.GetProperty("fully_online_rate").GetDecimal().Should().Be(50m);
        p.GetProperty("online_payment_rate").GetDecimal().Should().Be(50m); // 1 paid of 2 with a fee
        p.GetProperty("digitised_inputs_rate").GetDecimal().Should().Be(50m);
        p.GetProperty("digitised_results_rate").GetDecimal().Should().Be(100m);
        var agencies = root.GetProperty("agencies").EnumerateArray().ToList();
        agencies.Select(a => a.GetProperty("agency").GetString()).Should().Equal("Sở Tư pháp", "UBND xã Thạch Hà");
        agencies[1].GetProperty("received").GetInt32().Should().Be(1);
        agencies[1].GetProperty("on_time_rate").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void XlsxFile_GivesTheSameJsonAsTheCsv()
    {
        var csv = new DossierCsv().Row().Row(resolved: "2025-01-25", channel: "BCCI").Row(status: "tam_dung", resolved: "");
        var csvPath = csv.Save(_dir);
        var xlsxPath = Path.Combine(_dir, "hoso.xlsx");
        File.WriteAllBytes(xlsxPath, DossierFileTests.Workbook(csv.ToString()));

        var fromCsv = Run("kpis", csvPath, "--from", "2025-01-01", "--to", "2025-12-31", "--json");
        var fromXlsx = Run("kpis", xlsxPath, "--from", "2025-01-01", "--to", "2025-12-31", "--json");

        fromXlsx.Code.Should().Be(0);
        fromXlsx.Out.Should().Be(fromCsv.Out);
    }

    [Theory]
    [InlineData("kpis", "x.csv", "--from", "2025-01-01")]
    [InlineData("kpis", "x.csv", "--from", "01/01/2025", "--to", "2025-03-31")]
    [InlineData("kpis", "x.csv", "--from", "2025-04-01", "--to", "2025-03-31")]
    [InlineData("tinh")]
    public void BadArguments_ExitTwoWithUsage(params string[] args)
    {
        var (code, _, stderr) = Run(args);
        code.Should().Be(2);
        stderr.Should().Contain("Cách dùng: partrack dossiers kpis");
    }

    [Fact]
    public void NotADossierFile_ExitsOneWithAVietnameseMessage()
    {
        var path = Path.Combine(_dir, "ke-hoach.csv");
        File.WriteAllText(path, "STT,Nội dung\n1,Cải cách thể chế\n");
        var (code, stdout, stderr) = Run("kpis", path, "--from", "2025-01-01", "--to", "2025-03-31", "--json");
        code.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("thiếu cột bắt buộc").And.NotContain("   at ");
    }

    [Fact]
    public void BrokenWorkbook_ExitsOneWithAVietnameseMessage()
    {
        var path = Path.Combine(_dir, "hong.xlsx");
        File.WriteAllBytes(path, [(byte)'P', (byte)'K', 3, 4, 0, 0, 1, 2, 3]);
        var (code, _, stderr) = Run("kpis", path, "--from", "2025-01-01", "--to", "2025-03-31");
        code.Should().Be(1);
        stderr.Should().Contain("Lỗi:").And.NotContain("   at ");
    }
}
