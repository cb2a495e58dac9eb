using FluentAssertions;
using ParTrack.Import.Parsing;

namespace ParTrack.Import.Tests;

public class MeasureParserTests
{
    private const string P = Levels.Province, D = Levels.District, C = Levels.Commune;
    private const string AtLeast = Comparators.AtLeast, AtMost = Comparators.AtMost, Exactly = Comparators.Exactly,
        ReduceBy = Comparators.ReduceBy, IncreaseBy = Comparators.IncreaseBy;

    private static Measure M(string? level, string comparator, decimal value, string? unit) => new(level, comparator, value, unit);

    private static void Expect(string text, params Measure[] expected) =>
        MeasureParser.Parse(text).Should().Equal(expected);

    // DOMAIN §2 "Real targets and what to capture", in table order.

    [Fact]
    public void Domain_000_II_3_1_PerLevelMinimums() => Expect(
        "3.1. Tiếp tục triển khai thực hiện số hóa hồ sơ TTHC thuộc thẩm quyền giải quyết của các Sở, ban, ngành, UBND cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng: cấp tỉnh 100%, cấp huyện 100%, cấp xã 95% số hồ sơ tiếp nhận.",
        M(P, AtLeast, 100, "%"), M(D, AtLeast, 100, "%"), M(C, AtLeast, 95, "%"));

    [Fact]
    public void Domain_000_PL_CapSoIsProvince() => Expect(
        "1.5. Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC thuộc thẩm quyền giải quyết của sở, ban, ngành, UBND cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng: cấp sở 100%, cấp huyện 100%, cấp xã 95% số hồ sơ tiếp nhận",
        M(P, AtLeast, 100, "%"), M(D, AtLeast, 100, "%"), M(C, AtLeast, 95, "%"));

    [Fact]
    public void Domain_002_II_3_5_WholeValueThenLevels() => Expect(
        "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến; tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu tương ứng: cấp tỉnh 50%, cấp huyện 45%, cấp xã 40% trở lên.",
        M(null, AtLeast, 80, "%"), M(P, AtLeast, 50, "%"), M(D, AtLeast, 45, "%"), M(C, AtLeast, 40, "%"));

    [Fact]
    public void Seed002_PL_VII_A_1_1_LevelSpanWithOneValue_IsNotSplitByLevel() => Expect(
        "1.1. Triển khai hệ thống hội nghị trực tuyến đồng bộ từ cấp tỉnh đến 100% cấp xã và kết nối với hệ thống hội nghị trực tuyến quốc gia",
        M(null, AtLeast, 100, "%"));

    [Fact]
    public void Domain_000_II_1_3_Initiatives() => Expect(
        "1.3. Có ít nhất có 03 sáng kiến CCHC được Hội đồng thẩm định CCHC Trung ương đánh giá cao.",
        M(null, AtLeast, 3, "sáng kiến"));

    [Fact]
    public void Domain_000_II_3_4_SatisfactionAndDialogueRange() => Expect(
        "3.4. Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 95% trở lên. Phấn đấu trong năm tổ chức ít nhất từ 02 đến 03 cuộc đối thoại/diễn đàn của lãnh đạo UBND tỉnh với người dân, doanh nghiệp.",
        M(null, AtLeast, 95, "%"), M(null, AtLeast, 2, "cuộc"), M(null, AtMost, 3, "cuộc"));

    [Fact]
    public void Domain_002_II_4_2_StaffCutsWithBaselineYearIgnored() => Expect(
        "4.2. Giảm 28 biên chế công chức; giảm 531 biên chế viên chức so với năm 2023.",
        M(null, ReduceBy, 28, "biên chế"), M(null, ReduceBy, 531, "biên chế"));

    [Fact]
    public void Domain_000_II_6_1_DecimalCommaReduction() => Expect(
        "6.1. Giảm tối thiểu 2,5% chi hỗ trợ trực tiếp từ ngân sách nhà nước cho ĐVSNCL nhóm 3 so với năm trước liền kề.",
        M(null, ReduceBy, 2.5m, "%"));

    [Fact]
    public void Domain_000_II_7_5_LevelsAfterValues() => Expect(
        "7.5. 100% hồ sơ công việc cấp tỉnh, 90% hồ sơ công việc cấp huyện, 70% hồ sơ công việc cấp xã được xử lý trên môi trường mạng.",
        M(P, AtLeast, 100, "%"), M(D, AtLeast, 90, "%"), M(C, AtLeast, 70, "%"));

    [Fact]
    public void Domain_000_PL_VII_CorrespondingList() => Expect(
        "1.5. 100% Sở, ban, ngành cấp tỉnh, UBND cấp huyện, cấp xã thực hiện tạo lập và quản lý hồ sơ điện tử, trong đó tỷ lệ hồ sơ điện tử đạt tương ứng các cấp là 100%,90%,70% (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước).",
        M(null, AtLeast, 100, "%"), M(P, AtLeast, 100, "%"), M(D, AtLeast, 90, "%"), M(C, AtLeast, 70, "%"));

    [Fact]
    public void Domain_000_PL_VII_2_PercentAndCountOfSchools() => Expect(
        "1.4. 20% trường tiểu học công lập (44 trường) xây dựng và áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 năm 2025.",
        M(null, AtLeast, 20, "%"), M(null, AtLeast, 44, "trường"));

    [Fact]
    public void Domain_003_II_2_2_YearValuesThenYearlyIncrease() => Expect(
        "- Năm 2021, số hóa kết quả giải quyết TTHC đang còn hiệu lực và có giá trị sử dụng thuộc thẩm quyền giải quyết của cấp tỉnh, cấp huyện, cấp xã đạt tỷ lệ tối thiểu tương ứng là 30%, 20%, 15%; giai đoạn 2022 - 2025, mỗi năm tăng tối thiểu 20% đối với mỗi cấp hành chính cho đến khi đạt tỷ lệ 100% để đảm bảo việc kết nối.",
        M(P, AtLeast, 30, "%"), M(D, AtLeast, 20, "%"), M(C, AtLeast, 15, "%"),
        M(null, IncreaseBy, 20, "%"), M(null, AtLeast, 100, "%"));

    [Fact]
    public void Domain_003_RankOnly_NoMeasures() =>
        MeasureParser.Parse("Phấn đấu đến năm 2025 tỉnh Lâm Đồng nằm trong nhóm 20 địa phương dẫn đầu về chuyển đổi số; chỉ số POBI tăng điểm và tăng hạng.")
            .Should().BeEmpty();

    // DOMAIN §2 "Target phrasing" table and §6.8 number forms.

    [Theory]
    [InlineData("Kiểm tra CCHC tối thiểu 35% cơ quan, đơn vị", AtLeast, 35, "%")]
    [InlineData("Tổ chức ít nhất 03 cuộc kiểm tra", AtLeast, 3, "cuộc")]
    [InlineData("Tỷ lệ hài lòng từ 90% trở lên", AtLeast, 90, "%")]
    [InlineData("Tỷ lệ hài lòng đạt trên 85%", AtLeast, 85, "%")]
    [InlineData("Tỷ lệ hồ sơ trễ hạn không quá 5%", AtMost, 5, "%")]
    [InlineData("Tỷ lệ hồ sơ trễ hạn dưới 2%", AtMost, 2, "%")]
    [InlineData("Thời gian xử lý tối đa 3 ngày", AtMost, 3, "ngày")]
    [InlineData("đạt 90% số hồ sơ", AtLeast, 90, "%")]
    [InlineData("100 % hồ sơ được số hóa", AtLeast, 100, "%")]
    [InlineData("02% kinh phí", AtLeast, 2, "%")]
    [InlineData("Tổ chức 02 cuộc đối thoại", AtLeast, 2, "cuộc")]
    [InlineData("Không thấp hơn 60% giao dịch", AtLeast, 60, "%")]
    [InlineData("Số hoá 4.000 hồ sơ", AtLeast, 4000, "hồ sơ")]
    [InlineData("Mỗi năm tăng tối thiểu 20% giao dịch", IncreaseBy, 20, "%")]
    [InlineData("Tăng cường số hóa đạt 70% hồ sơ", AtLeast, 70, "%")]
    [InlineData("Cắt giảm 20% thời gian giải quyết", ReduceBy, 20, "%")]
    [InlineData("Bồi dưỡng khoảng 500 công chức", Exactly, 500, "công chức")]
    public void Phrasing_SingleMeasure(string text, string comparator, decimal value, string unit) =>
        Expect(text, M(null, comparator, value, unit));

    [Fact]
    public void Range_WithDash_GivesTwoMeasures() => Expect(
        "Tiết kiệm 8-10% chi thường xuyên",
        M(null, AtLeast, 8, "%"), M(null, AtMost, 10, "%"));

    [Theory]
    [InlineData("Triển khai theo Quyết định số 3098/QĐ-UBND ngày 31/12/2024 của UBND tỉnh")]
    [InlineData("Thực hiện Nghị quyết 76/NQ-CP về Chương trình tổng thể CCHC giai đoạn 2021-2030")]
    [InlineData("Áp dụng ISO 9001:2015 theo Nghị định 61/2018")]
    [InlineData("Triển khai 03 Chương trình MTQG trên địa bàn năm 2025")]
    [InlineData("Thực hiện nhiệm vụ tại mục 2.3 và Điều 5 của Kế hoạch")]
    [InlineData("Đến năm 2025 hoàn thành chuyển đổi số")]
    [InlineData("Giai đoạn 2021-20301 theo Chương trình tổng thể")]
    [InlineData("Áp dụng TCVN ISO 9001:201 5 tại cơ quan")]
    [InlineData("Thực hiện Nghị quyết 27-NQ/TW của Hội nghị Trung ương 7 khóa XII")]
    public void NonCommitments_GiveNoMeasures(string text)
    {
        MeasureParser.Parse(text, out var unread).Should().BeEmpty();
        unread.Should().BeFalse();
    }

    [Fact]
    public void AgeQualifier_IsNotATarget() => Expect(
        "5.1. Phấn đấu 50% cán bộ, công chức dưới 40 tuổi giao tiếp được bằng Tiếng Anh.",
        M(null, AtLeast, 50, "%"));

    [Fact]
    public void UnreadNumbers_AreReported()
    {
        MeasureParser.Parse("Đạt 1,2,3 mục tiêu và x% hồ sơ", out var unread);
        unread.Should().BeTrue();
    }

    [Fact]
    public void Clean_TextReportsNothingUnread()
    {
        MeasureParser.Parse("Tối thiểu 80% TTHC", out var unread).Should().HaveCount(1);
        unread.Should().BeFalse();
    }

    [Fact]
    public void Empty_GivesNoMeasures() => MeasureParser.Parse("").Should().BeEmpty();
}

public class MeasureParserSeedTests
{
    private static Measure M(string? level, string comparator, decimal value, string? unit) => new(level, comparator, value, unit);

    [Fact]
    public void Seed000_II_7_5_LevelsFollowValuesJoinedByVa() =>
        MeasureParser.Parse("7.5. 100% hồ sơ công việc tại các cơ quan chuyên môn cấp tỉnh, 90% hồ sơ công việc tại UBND cấp huyện và 70% hồ sơ công việc tại UBND cấp xã được xác lập trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước).")
            .Should().Equal(M(Levels.Province, Comparators.AtLeast, 100, "%"), M(Levels.District, Comparators.AtLeast, 90, "%"), M(Levels.Commune, Comparators.AtLeast, 70, "%"));

    [Fact]
    public void Seed002_II_3_5_AsBrokenPdfLines_CommasOnly() =>
        MeasureParser.Parse("3.5. Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai \nthanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt tối \nthiểu tương ứng: cấp tỉnh 50%, cấp huyện 45%, cấp xã 40% trở lên. ")
            .Should().Equal(M(null, Comparators.AtLeast, 80, "%"), M(Levels.Province, Comparators.AtLeast, 50, "%"),
                M(Levels.District, Comparators.AtLeast, 45, "%"), M(Levels.Commune, Comparators.AtLeast, 40, "%"));

    [Fact]
    public void Seed002_II_3_2_PlainValuesAfterDat() =>
        MeasureParser.Parse("3.2. 100% TTHC đủ điều kiện được cung cấp dịch vụ công (DVC) trực \ntuyến (toàn trình, một phần) và được cập nhật lên cơ sở dữ liệu quốc gia về \n TTHC và công khai trên Cổng dịch vụ công quốc gia; tỷ lệ nộp hồ sơ trực tuyến \nđạt 70%; tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%.  ")
            .Should().Equal(M(null, Comparators.AtLeast, 100, "%"), M(null, Comparators.AtLeast, 70, "%"), M(null, Comparators.AtLeast, 90, "%"));

    [Fact]
    public void Seed000_II_6_1_ExcludedSavingsInParenthesesIgnored() =>
        MeasureParser.Parse("6.1. Giảm tối thiểu 2,5% chi hỗ trợ trực tiếp từ ngân sách nhà nước của các đơn vị sự nghiệp công lập nhóm 3 so với năm trước liền kề (không bao gồm quỹ tiền lương, quỹ tiền thưởng và không bao gồm kinh phí cắt giảm, tiết kiệm 5% theo Chỉ thị số 01/CT-TTg ngày 04/01/2024 của Thủ tướng Chính phủ).")
            .Should().Equal(M(null, Comparators.ReduceBy, 2.5m, "%"));

    [Fact]
    public void Seed003_ServiceLevels3And4_AreNotTargets() =>
        MeasureParser.Parse("- Tối thiểu 80% TTHC của địa phương có đủ điều kiện, được cung cấp trực tuyến mức độ 3 và 4. Trong số đó, ít nhất 80% TTHC được tích hợp. Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 và 4 trên tổng số hồ sơ đạt tối thiểu 50%.")
            .Should().Equal(M(null, Comparators.AtLeast, 80, "%"), M(null, Comparators.AtLeast, 80, "%"), M(null, Comparators.AtLeast, 50, "%"));

    [Fact]
    public void Seed000_II_5_1_AgeAndLevelsInParenthesesIgnored() =>
        MeasureParser.Parse("5.1. Phấn đấu 50% cán bộ, công chức dưới 40 tuổi (lãnh đạo, quản lý cấp sở, ngành, UBND cấp huyện) giao tiếp được với người nước ngoài.")
            .Should().Equal(M(null, Comparators.AtLeast, 50, "%"));
}

public class MeasureParserNewsTests
{
    [Fact]
    public void Seed004_FinanceParagraph()
    {
        var text = "Cải cách tài chính công: thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước năm 2025 đạt từ 90% trở lên; trên 80% số cơ sở nhà, đất được cấp có thẩm quyền phê duyệt phương án sắp xếp lại, xử lý. Phấn đấu thu nội địa năm 2025 tăng khoảng 8-10% so với đánh giá năm 2024; Chỉ số công khai POBI năm 2025 tăng điểm và tăng hạng; đến hết năm 2025, toàn tỉnh Sơn La có khoảng 4.000 doanh nghiệp. Thực hiện Nghị quyết 27-NQ/TW của Hội nghị Trung ương 7 khóa XII.";
        MeasureParser.Parse(text).Should().Equal(
            new Measure(null, Comparators.AtLeast, 90, "%"),
            new Measure(null, Comparators.AtLeast, 80, "%"),
            new Measure(null, Comparators.IncreaseBy, 8, "%"),
            new Measure(null, Comparators.IncreaseBy, 10, "%"),
            new Measure(null, Comparators.Exactly, 4000, "doanh nghiệp"));
    }
}
