using FluentAssertions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Tests;

public class DueParserTests
{
    // Every distinct expression of DOMAIN §3.1 (000 and 002 columns) and the contract's table.
    // Expected values written by hand: kind, start, end ("" = null). Plan year Y given per row.
    [Theory]
    [InlineData("Trước 25/12/2023", 2024, "by", "", "2023-12-25")]
    [InlineData("Tháng 12/2024", 2025, "by", "2024-12-01", "2024-12-31")]
    [InlineData("Tháng 01/2025", 2025, "by", "2025-01-01", "2025-01-31")]
    [InlineData("Tháng 01/2024", 2024, "by", "2024-01-01", "2024-01-31")]
    [InlineData("Quý I", 2025, "during", "2025-01-01", "2025-03-31")]
    [InlineData("Quý II", 2025, "during", "2025-04-01", "2025-06-30")]
    [InlineData("Quý IV", 2024, "during", "2024-10-01", "2024-12-31")]
    [InlineData("Quý III", 2024, "during", "2024-07-01", "2024-09-30")]
    [InlineData("Quý I/2025", 2025, "during", "2025-01-01", "2025-03-31")]
    [InlineData("Quý IV năm 2025", 2025, "during", "2025-10-01", "2025-12-31")]
    [InlineData("Quý I/2024", 2024, "during", "2024-01-01", "2024-03-31")]
    [InlineData("Quý IV/2024", 2024, "during", "2024-10-01", "2024-12-31")]
    [InlineData("Quý II, III/2025", 2025, "during", "2025-04-01", "2025-09-30")]
    [InlineData("Quý I, II năm 2025", 2025, "during", "2025-01-01", "2025-06-30")]
    [InlineData("Quý II, III/2024", 2024, "during", "2024-04-01", "2024-09-30")]
    [InlineData("Quý I, II năm 2024", 2024, "during", "2024-01-01", "2024-06-30")]
    [InlineData("Quý I- IV năm 2025", 2025, "during", "2025-01-01", "2025-12-31")]
    [InlineData("Quý I-IV năm 2025", 2025, "during", "2025-01-01", "2025-12-31")]
    [InlineData("Quý II- IV năm 2025", 2025, "during", "2025-04-01", "2025-12-31")]
    [InlineData("Quý I-IV năm 2024", 2024, "during", "2024-01-01", "2024-12-31")]
    [InlineData("Quý II- IV năm 2024", 2024, "during", "2024-04-01", "2024-12-31")]
    [InlineData("Quý II- IV", 2025, "during", "2025-04-01", "2025-12-31")]
    [InlineData("Năm 2025", 2025, "during", "2025-01-01", "2025-12-31")]
    [InlineData("Năm 2024", 2024, "during", "2024-01-01", "2024-12-31")]
    [InlineData("Năm 2024-2026", 2024, "during", "2024-01-01", "2026-12-31")]
    [InlineData("Trong năm", 2025, "during", "2025-01-01", "2025-12-31")]
    [InlineData("Thường xuyên", 2025, "continuous", "2025-01-01", "2025-12-31")]
    [InlineData("Hàng quý", 2025, "recurring", "2025-01-01", "2025-12-31")]
    [InlineData("Hằng quý", 2025, "recurring", "2025-01-01", "2025-12-31")]
    [InlineData("Định kỳ 6 tháng", 2025, "recurring", "2025-01-01", "2025-12-31")]
    [InlineData("hằng năm", 2024, "recurring", "2024-01-01", "2024-12-31")]
    [InlineData("Theo kế hoạch thẩm định hằng năm", 2025, "recurring", "2025-01-01", "2025-12-31")]
    [InlineData("Theo Kế hoạch của Bộ Nội vụ", 2025, "event", "", "")]
    [InlineData("Sau khi các cơ quan TW công bố chỉ số PAPI, PARINDE X, SIPAS", 2025, "event", "", "")]
    [InlineData("Sau khi các cơ quan liên quan công bố chỉ số PCI năm 2025", 2025, "event", "", "")]
    [InlineData("Sau khi Bộ Thông tin và Truyền thông công bố chỉ số DTI năm 2025", 2025, "event", "", "")]
    [InlineData("Sau khi các cơ quan liên quan công bố chỉ số PAPI, Bộ Nội vụ công bố chỉ số CCHC tỉnh năm 2024", 2024, "event", "", "")]
    [InlineData("Sau khi các cơ quan liên quan công bố chỉ số PCI năm 2024", 2024, "event", "", "")]
    [InlineData("Sau khi Bộ Thông tin và Truyền thông công bố chỉ số DTI năm 2024", 2024, "event", "", "")]
    [InlineData("Theo lộ trình đề án được phê duyệt", 2025, "event", "", "")]
    [InlineData("Khi có chỉ đạo của Trung ương", 2024, "event", "", "")]
    public void Parse_DomainExpressions(string text, int year, string kind, string start, string end)
    {
        var due = DueParser.Parse(text, year);

        due.Kind.Should().Be(kind);
        due.Start.Should().Be(Date(start));
        due.End.Should().Be(Date(end));
        due.Text.Should().Be(text);
    }

    // Robustness: broken PDF tokens, case, spacing, spelling, Arabic quarters, no year.
    [Theory]
    [InlineData("Thườn g xuyên", 2024, "continuous", "2024-01-01", "2024-12-31")]
    [InlineData("Thườn\ng\nxuyên", 2024, "continuous", "2024-01-01", "2024-12-31")]
    [InlineData("Trước 25/12/202 3", 2024, "by", "", "2023-12-25")]
    [InlineData("Trước\n25/12/202\n3", 2024, "by", "", "2023-12-25")]
    [InlineData("THƯỜNG  XUYÊN", 2025, "continuous", "2025-01-01", "2025-12-31")]
    [InlineData("  quý   iv  ", 2025, "during", "2025-10-01", "2025-12-31")]
    [InlineData("Quý 2/2025", 2025, "during", "2025-04-01", "2025-06-30")]
    [InlineData("Quý 1 - 3", 2025, "during", "2025-01-01", "2025-09-30")]
    [InlineData("6 tháng đầu năm", 2025, "during", "2025-01-01", "2025-06-30")]
    [InlineData("6 tháng cuối năm 2024", 2025, "during", "2024-07-01", "2024-12-31")]
    [InlineData("Tháng 6", 2025, "by", "2025-06-01", "2025-06-30")]
    [InlineData("Tháng 6 năm 2024", 2025, "by", "2024-06-01", "2024-06-30")]
    [InlineData("Trước ngày 15/01/2025", 2025, "by", "", "2025-01-15")]
    [InlineData("Trước 31/3", 2025, "by", "", "2025-03-31")]
    [InlineData("15/01", 2025, "by", "", "2025-01-15")]
    [InlineData("Trước tháng 6/2025", 2025, "by", "", "2025-05-31")]
    [InlineData("Năm 2024 - 2026", 2024, "during", "2024-01-01", "2026-12-31")]
    [InlineData("Năm 202 5", 2025, "during", "2025-01-01", "2025-12-31")]
    [InlineData("Hàng năm", 2025, "recurring", "2025-01-01", "2025-12-31")]
    [InlineData("Trước ngày 25 tháng 12 năm 2023", 2024, "by", "", "2023-12-25")]
    [InlineData("Quý I – IV năm 2025", 2025, "during", "2025-01-01", "2025-12-31")]
    [InlineData("Quý IV/202 4", 2024, "during", "2024-10-01", "2024-12-31")]
    [InlineData("Quý II,\n\nIII/2024", 2024, "during", "2024-04-01", "2024-09-30")]
    [InlineData("Theo quy định", 2025, "event", "", "")]
    [InlineData("Đột xuất", 2025, "event", "", "")]
    [InlineData("Theo kế hoạch thẩm định hàng năm", 2025, "recurring", "2025-01-01", "2025-12-31")]
    public void Parse_RobustForms(string text, int year, string kind, string start, string end)
    {
        var due = DueParser.Parse(text, year);

        due.Kind.Should().Be(kind);
        due.Start.Should().Be(Date(start));
        due.End.Should().Be(Date(end));
    }

    [Theory]
    [InlineData("Trước 31/02/2025")]
    [InlineData("Quý V")]
    [InlineData("Tháng 13/2025")]
    [InlineData("Chưa xác định được")]
    [InlineData("xyz")]
    public void Parse_Unreadable_IsUnknownAndTryParseFails(string text)
    {
        DueParser.Parse(text, 2025).Kind.Should().Be(DueKinds.Unknown);
        DueParser.TryParse(text, 2025, out var due).Should().BeFalse();
        due.Text.Should().Be(text);
        due.Start.Should().BeNull();
        due.End.Should().BeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Blank_IsUnknownWithNullText(string? text)
    {
        DueParser.TryParse(text, 2025, out var due).Should().BeTrue();
        due.Should().Be(new Due(null, DueKinds.Unknown, null, null));
    }

    [Fact]
    public void Parse_KeepsTextAsWrittenButCleaned()
    {
        DueParser.Parse("  Quý  I/2025 ", 2025).Text.Should().Be("Quý I/2025");
    }

    private static DateOnly? Date(string iso) => iso.Length == 0 ? null : DateOnly.Parse(iso);
}
