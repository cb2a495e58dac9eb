using FluentAssertions;
using ParTrack.Domain.Kpis;

namespace ParTrack.Domain.Tests.Kpis;

public sealed class ColumnProposalTests
{
    [Fact]
    public void VietnameseHeaders_AreProposedForTheirContractColumns()
    {
        string[] header = ["STT", "Mã hồ sơ", "Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Đơn vị giải quyết", "Ngày tiếp nhận",
            "Ngày hẹn trả", "Ngày có kết quả", "Ngày trả kết quả", "Hình thức nộp", "Trạng thái", "Số ngày tạm dừng"];

        var proposed = ColumnProposal.Propose(header);

        proposed.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["dossier_code"] = 1, ["procedure_code"] = 2, ["procedure_name"] = 3, ["field"] = 4, ["agency"] = 5,
            ["received_at"] = 6, ["due_at"] = 7, ["resolved_at"] = 8, ["returned_at"] = 9, ["channel"] = 10,
            ["status"] = 11, ["suspended_days"] = 12,
        });
    }

    [Fact]
    public void ContractNames_MapToThemselves_AndUnrelatedHeadersAreNotGuessed()
    {
        var proposed = ColumnProposal.Propose(["dossier_code", "Ghi chú", "Người nộp", "status"]);

        proposed.Should().BeEquivalentTo(new Dictionary<string, int> { ["dossier_code"] = 0, ["status"] = 3 });
    }

    [Fact]
    public void OneHeader_ServesOneColumn_TheMostSimilar()
    {
        // "Ngày trả" is returned_at's word exactly; due_at ("hạn trả") must not take it as well.
        var proposed = ColumnProposal.Propose(["Ngày trả"]);

        proposed.Should().BeEquivalentTo(new Dictionary<string, int> { ["returned_at"] = 0 });
    }

    [Theory]
    [InlineData("  Mã  Hồ-Sơ ", "ma ho so")]
    [InlineData("ĐƠN VỊ", "don vi")]
    [InlineData("", "")]
    public void Plain_DropsAccentsCaseAndPunctuation(string header, string plain) =>
        ColumnProposal.Plain(header).Should().Be(plain);
}
