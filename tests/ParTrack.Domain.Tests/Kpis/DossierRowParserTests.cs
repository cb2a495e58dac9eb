using FluentAssertions;
using ParTrack.Domain.Kpis;

namespace ParTrack.Domain.Tests.Kpis;

public class DossierRowParserTests
{
    static readonly string[] Header =
        ["dossier_code", "procedure_code", "agency", "level", "received_at", "due_at", "resolved_at", "channel", "service_level",
         "fee_required", "paid_online", "digitised_inputs", "digitised_result", "status", "suspended_days"];

    static DossierColumns Columns() => DossierColumns.From(Header, null, out _)!;

    static string[] Cells(string received = "2025-01-10", string due = "2025-01-20", string resolved = "", string channel = "truc_tuyen",
        string status = "dang_xu_ly", string level = "", string fee = "", string suspended = "", string code = "HS-1", string service = "") =>
        [code, "1.001", "Sở Tư pháp", level, received, due, resolved, channel, service, fee, "", "", "", status, suspended];

    static DossierRow? Parse(string[] cells, out string? reason) => DossierRowParser.Parse(cells, Columns(), out reason);

    [Theory]
    [InlineData("2025-03-05")]
    [InlineData("2025-03-05 23:30")]
    [InlineData("05/03/2025")]
    [InlineData("5/3/2025")]
    public void Dates_InBothFormats_ReadTheSameDay(string text)
    {
        var row = Parse(Cells(received: text), out var reason);
        reason.Should().BeNull();
        row!.ReceivedAt.Should().Be(new DateOnly(2025, 3, 5));
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("31/02/2025")]
    [InlineData("hôm qua")]
    [InlineData("03/05/25")]
    public void UnreadableDate_IsRefusedWithTheColumnNamed(string text)
    {
        Parse(Cells(received: text), out var reason).Should().BeNull();
        reason.Should().Contain("received_at").And.Contain(text).And.Contain("không phải ngày");
    }

    [Fact]
    public void MissingRequiredValue_IsRefused()
    {
        Parse(Cells(code: ""), out var reason).Should().BeNull();
        reason.Should().Be("Thiếu dossier_code.");
    }

    [Theory]
    [InlineData("trực tuyến", Channel.Online)]
    [InlineData("Trực tiếp", Channel.InPerson)]
    [InlineData("BCCI", Channel.Post)]
    [InlineData("buu_chinh", Channel.Post)]
    public void Channel_AcceptsTheCodesAndTheVietnameseWords(string text, Channel expected) =>
        Parse(Cells(channel: text), out _)!.Channel.Should().Be(expected);

    [Theory]
    [InlineData("channel", "qua mạng")]
    [InlineData("status", "xong")]
    [InlineData("fee_required", "có")]
    [InlineData("suspended_days", "-2")]
    [InlineData("level", "thon")]
    public void UnknownValue_IsRefusedWithTheColumnNamed(string column, string value)
    {
        var cells = Cells();
        cells[Array.IndexOf(Header, column)] = value;
        Parse(cells, out var reason).Should().BeNull();
        reason.Should().Contain(column);
    }

    [Fact]
    public void DistrictLevelAfterTheReorganisation_IsRefused()
    {
        Parse(Cells(level: "huyen", received: "2025-06-30"), out _).Should().NotBeNull();
        Parse(Cells(level: "huyen", received: "2025-07-01"), out var reason).Should().BeNull();
        reason.Should().Contain("01/07/2025");
    }

    [Fact]
    public void SeveralProblems_AreAllSaid()
    {
        Parse(Cells(received: "x", status: "y"), out var reason).Should().BeNull();
        reason.Should().Contain("received_at").And.Contain("status");
    }

    [Fact]
    public void EmptyOptionalCells_TakeTheirDefaults()
    {
        var row = Parse(Cells(due: "", suspended: "", fee: ""), out _)!;
        row.DueAt.Should().BeNull();
        row.EffectiveDue.Should().BeNull();
        row.SuspendedDays.Should().Be(0);
        row.FeeRequired.Should().BeFalse();
        row.ServiceLevel.Should().Be(ServiceLevel.None);
        row.Level.Should().BeNull();
    }

    [Fact]
    public void Header_MissingARequiredColumn_IsRefusedByName()
    {
        DossierColumns.From(["dossier_code", "agency"], null, out var error).Should().BeNull();
        error.Should().Contain("procedure_code").And.Contain("status");
    }

    [Fact]
    public void Header_WithAMapping_FindsTheCanonicalColumns()
    {
        var mapping = new Dictionary<string, string> { ["mã hồ sơ"] = "dossier_code" };
        string[] header = ["Mã hồ sơ ", .. Header[1..]];
        var columns = DossierColumns.From(header, mapping, out var error);
        error.Should().BeNull();
        DossierRowParser.Parse(Cells(code: "X-9"), columns!, out _)!.DossierCode.Should().Be("X-9");
    }
}
