using FluentAssertions;
using ParTrack.Import.Layouts;

namespace ParTrack.Import.Tests;

public class TargetMergerTests
{
    private static PlanTarget T(string code, string area, string text) => new() { Code = code, Area = area, Text = text };

    // Texts copied from 000: PL III r1.6, r1.7 and §II.3.2.
    private static readonly PlanTarget TableOnlineServices = T("1.6", "III",
        "Tỷ lệ TTHC đủ điều kiện được triển khai dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng dịch vụ công " +
        "quốc gia đạt 100%. - Tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%.");
    private static readonly PlanTarget TablePayments = T("1.7", "III",
        "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao " +
        "dịch thanh toán trực tuyến đạt tối thiểu 70%");
    private static readonly PlanTarget BodyOnlineServices = T("II.3.2", "III",
        "Tỷ lệ TTHC đủ điều kiện được triển khai dịch vụ công trực tuyến toàn trình được tích hợp trên Cổng dịch vụ công " +
        "quốc gia đạt 100%. Tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%. Tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 60%.");

    [Fact]
    public void BodyTargetRestatedByTwoTableRows_IsDropped_AndTheDifferentNumberIsWarned()
    {
        var warnings = new List<ImportWarning>();

        var merged = TargetMerger.Merge([TableOnlineServices, TablePayments], [BodyOnlineServices], warnings);

        merged.Should().Equal(TableOnlineServices, TablePayments);
        var warning = warnings.Should().ContainSingle().Subject;
        warning.Kind.Should().Be(WarningKinds.TargetMismatch);
        warning.Location.Should().Contain("II.3.2").And.Contain("1.7");
        warning.Message.Should().Contain("60").And.Contain("70");
    }

    [Fact]
    public void SameGoalSameNumbers_IsDroppedWithoutWarning()
    {
        var warnings = new List<ImportWarning>();
        var table = T("1.3", "I", "Phấn đấu ít nhất có 03 sáng kiến (hoặc giải pháp mới) về CCHC áp dụng có hiệu quả đáp ứng yêu cầu của Hội đồng thẩm định CCHC Trung ương");
        var body = T("II.1.3", "I", "Phấn đấu ít nhất có 03 sáng kiến (hoặc giải pháp mới) về CCHC áp dụng có hiệu quả, đáp ứng yêu cầu của Hội đồng thẩm định CCHC Trung ương.");

        TargetMerger.Merge([table], [body], warnings).Should().Equal(table);
        warnings.Should().BeEmpty();
    }

    [Fact]
    public void DifferentWordingOfTheSameGoal_StillMatches()
    {
        // 000 §II.3.1 says "hồ sơ TTHC … cấp tỉnh", PL III r1.5 says "kết quả giải quyết TTHC … cấp sở".
        var table = T("1.5", "III", "Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC thuộc thẩm quyền giải quyết của sở, ban, ngành, UBND cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng: cấp sở 100%, cấp huyện 100%, cấp xã 95% số hồ sơ tiếp nhận");
        var body = T("II.3.1", "III", "Tiếp tục triển khai thực hiện số hóa hồ sơ TTHC thuộc thẩm quyền giải quyết của các Sở, ban, ngành, UBND cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng: cấp tỉnh 100%, cấp huyện 100%, cấp xã 95% số hồ sơ tiếp nhận.");
        var warnings = new List<ImportWarning>();

        TargetMerger.Merge([table], [body], warnings).Should().Equal(table);
        warnings.Should().BeEmpty();
    }

    [Fact]
    public void BodyGoalTheTableDoesNotState_IsAddedAfterTheTableTargets()
    {
        var table = T("1.1", "VI", "Thực hiện giải ngân kế hoạch đầu tư vốn NSNN; vốn thực hiện các đề án, chính sách, Chương trình MTQG");
        var body = T("II.6.3", "VI", "100% cơ quan hành chính nhà nước được giao quyền tự chủ, tự chịu trách nhiệm theo Nghị định số 130/2005/NĐ-CP của Chính phủ, Nghị định số 117/2013/NĐ-CP của Chính phủ.");

        TargetMerger.Merge([table], [body], []).Should().Equal(table, body);
    }

    [Fact]
    public void PartlyRestatedBodyTarget_IsKeptWhole()
    {
        // 000 §II.1.2 has two goals; PL I r1.4 states only the first.
        var table = T("1.4", "I", "Tối thiểu 35% cơ quan đơn vị được kiểm tra CCHC trong năm 2025");
        var body = T("II.1.2", "I", "Tối thiểu 35% cơ quan, đơn vị được kiểm tra CCHC trong năm 2025; 100% các đơn vị, địa phương ban hành và tổ chức thực hiện kế hoạch kiểm tra, tự kiểm tra CCHC các đơn vị trực thuộc, đảm bảo thực chất và đúng quy định.");

        TargetMerger.Merge([table], [body], []).Should().Equal(table, body);
    }

    [Fact]
    public void SameWordsInAnotherArea_DoNotMatch()
    {
        var table = T("1.2", "V", "100% cán bộ, công chức cấp xã có trình độ đại học trở lên");
        var body = T("II.7.2", "VII", "100% cán bộ, công chức cấp xã có trình độ đại học trở lên");

        TargetMerger.Merge([table], [body], []).Should().HaveCount(2);
    }

    [Fact]
    public void NoTable_KeepsAllBodyTargets_AndNoBody_KeepsTheTable()
    {
        TargetMerger.Merge([], [BodyOnlineServices], []).Should().Equal(BodyOnlineServices);
        TargetMerger.Merge([TablePayments], [], []).Should().Equal(TablePayments);
    }

    [Fact]
    public void HaTinh2025Body_AgainstItsTableRows_WarnsOnlyAboutThePaymentRate()
    {
        // The area III rows of 000's appendix, copied from the seed, against the body read from the seed.
        List<PlanTarget> table =
        [
            T("1.3", "III", "100% TTHC nội bộ giữa các cơ quan hành chính nhà nước được rà soát, công bố, công khai; rà soát, đơn giản hóa TTHC nội bộ để cắt giảm 20% quy định và 20% chi phí tuân thủ TTHC nội bộ"),
            T("1.5", "III", "Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC thuộc thẩm quyền giải quyết của sở, ban, ngành, UBND cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng: cấp sở 100%, cấp huyện 100%, cấp xã 95% số hồ sơ tiếp nhận"),
            TableOnlineServices,
            TablePayments,
            T("1.8", "III", "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 95% trở lên."),
            T("1.10", "III", "Tăng cường công tác đối thoại của lãnh đạo UBND tỉnh với người dân, doanh nghiệp (phấn đấu ít nhất từ 02 đến 03 cuộc trong năm)"),
        ];
        var body = ProseReader.ReadBodyTargets(ProseSeeds.Read(ProseSeeds.HaTinh2025), 2025, [])
            .Where(t => t.Area == "III").ToList();
        var warnings = new List<ImportWarning>();

        var merged = TargetMerger.Merge(table, body, warnings);

        merged.Take(table.Count).Should().Equal(table);
        merged.Skip(table.Count).Select(t => t.Code).Should().NotContain(["II.3.1", "II.3.2", "II.3.3"]);
        warnings.Should().ContainSingle(w => w.Kind == WarningKinds.TargetMismatch)
            .Which.Message.Should().Contain("60").And.Contain("70");
    }
}
