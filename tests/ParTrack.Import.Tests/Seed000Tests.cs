using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>Seed 000 (Hà Tĩnh 2025, pipe text). Every expectation was read off the seed by hand.</summary>
public class Seed000Tests
{
    private static readonly Lazy<(Layouts.Table.TableReadResult Result, List<ImportWarning> Warnings)> Table =
        new(() => SeedTable.Read("000", 2025));

    [Fact]
    public void Areas_AreTheSevenSectionsAndTheTwoSubsectionsOfVII()
    {
        Table.Value.Result.Body.Areas.Select(a => (a.Code, a.Title)).Should().Equal(
            ("I", "CÔNG TÁC TRIỂN KHAI CÁC NHIỆM VỤ CCHC"),
            ("II", "CẢI CÁCH THỂ CHẾ"),
            ("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
            ("IV", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH NHÀ NƯỚC"),
            ("V", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"),
            ("VI", "CẢI CÁCH TÀI CHÍNH CÔNG"),
            ("VII", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH PHỦ ĐIỆN TỬ, CHÍNH PHỦ SỐ"),
            ("VII.1", "Ứng dụng công nghệ thông tin trong hoạt động của đơn vị"),
            ("VII.2", "Áp dụng ISO 9001:2015 trong hoạt động của các cơ quan, đơn vị"));
    }

    // area | code | text start
    private static readonly string[] Targets =
    [
        "I|1.1|Nâng cao chất lượng công tác chỉ đạo điều hành",
        "I|1.2|Cải thiện, nâng cao thứ hạng Chỉ số CCHC",
        "I|1.3|Phấn đấu ít nhất có 03 sáng kiến",
        "I|1.4|Tối thiểu 35% cơ quan đơn vị được kiểm tra CCHC",
        "I|1.5|Tiếp tục đổi mới phương pháp, cách thức công tác thẩm định",
        "I|1.6|Nâng cao năng lực cho cán bộ, công chức",
        "I|1.7|Tham quan học tập kinh nghiệm CCHC",
        "II|1.1|Phấn đấu 100% các nội dung Luật",
        "II|1.2|Phấn đấu 100 % văn bản QPPL của HĐND, UBND tỉnh",
        "II|1.3|Phấn đấu 100% văn bản QPPL của Trung ương",
        "III|1.1|Ban hành Kế hoạch hoạt động kiểm soát TTHC",
        "III|1.2|Thực hiện quy trình đánh giá tác động",
        "III|1.3|100% TTHC nội bộ giữa các cơ quan",
        "III|1.4|100% TTHC được công bố, công khai",
        "III|1.5|Tiếp tục triển khai thực hiện số hóa kết quả",
        "III|1.6|Tỷ lệ TTHC đủ điều kiện được triển khai dịch vụ công",
        "III|1.7|Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính",
        "III|1.8|Mức độ hài lòng của người dân, doanh nghiệp",
        "III|1.9|Tăng cường công tác kiểm tra đột xuất",
        "III|1.10|Tăng cường công tác đối thoại",
        "IV|1.1|Tham mưu, đề xuất đổi mới, sắp xếp tổ chức bộ máy",
        "IV|1.2|Hoàn thành việc kiện toàn, sắp xếp đối với 100%",
        "IV|1.3|Phấn đấu năm 2025 giảm 28 biên chế công chức",
        "V|1.1|Phấn đấu 50% cán bộ, công chức dưới 40 tuổi",
        "V|1.2|100% cán bộ, công chức cấp xã có trình độ đại học",
        "V|1.3|Năm 2025 thu hút nhân tài",
        "VI|1.1|Thực hiện giải ngân kế hoạch đầu tư vốn NSNN",
        "VI|1.2|Thực hiện các kiến nghị sau thanh tra",
        "VI|1.3|Ban hành quy chế quản lý, sử dụng tài sản công",
        "VI|1.4|Tỷ lệ sắp xếp lại nhà, đất",
        "VI|1.5|100% đơn vị sự nghiệp công lập được giao quyền tự chủ",
        "VI|1.6|Ban hành định mức kinh tế - kỹ thuật",
        "VI|1.7|Ban hành tiêu chí, tiêu chuẩn chất lượng dịch vụ",
        "VI|1.8|Số đơn vị SNCL tăng mức độ",
        "VI|1.9|Giảm chi hỗ trợ trực tiếp từ ngân sách",
        "VII.1|1.1|100% cơ quan Đảng, chính quyền các cấp kết nối",
        "VII.1|1.2|100% cán bộ, công chức, viên chức được đào tạo",
        "VII.1|1.3|100% cơ sở dữ liệu quốc gia được kết nối",
        "VII.1|1.4|100% hệ thống thông tin của các cơ quan nhà nước",
        "VII.1|1.5|100% Sở, ban, ngành cấp tỉnh, UBND cấp huyện, cấp xã thực hiện tạo lập",
        "VII.2|1.1|100% cơ quan, đơn vị duy trì, cải tiến hệ thống",
        "VII.2|1.2|10 Trung tâm Giáo dục nghề nghiệp",
        "VII.2|1.3|35 UBND xã đạt chuẩn Nông thôn mới",
        "VII.2|1.4|20% trường tiểu học công lập (44 trường)",
        "VII.2|1.5|100% dự thảo Quyết định phê duyệt quy trình nội bộ",
        "VII.2|1.6|25% tổng số các cơ quan, đơn vị",
        "VII.2|1.7|Tổ chức 04 cuộc tập huấn",
        "VII.2|1.8|Tiếp tục duy trì áp dụng tiêu chuẩn TCVN ISO 18091:2020",
        "VII.2|1.9|Tổ chức Hội nghị sơ kết",
    ];

    [Fact]
    public void Targets_AreEveryFirstColumnItemInOrder_WithCodeAndArea()
    {
        var targets = Table.Value.Result.Body.Targets;
        targets.Should().HaveCount(Targets.Length);
        for (var i = 0; i < Targets.Length; i++)
        {
            var p = Targets[i].Split('|');
            targets[i].Area.Should().Be(p[0], Targets[i]);
            targets[i].Code.Should().Be(p[1], Targets[i]);
            targets[i].Text.Should().StartWith(p[2], Targets[i]);
        }
    }

    // area | task | code | text start | lead cell | support cell | due
    internal static readonly string[] Activities =
    [
        "I|2.1|3.1|Xây dựng dự thảo văn bản đề xuất mục tiêu|Sở Nội vụ|Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan khác|Tháng 12/2024",
        "I|2.1|3.2|Tổng hợp và xin ý kiến, hoàn thiện dự thảo|Sở Nội vụ|Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan khác|Tháng 12/2024",
        "I|2.2|3.3|Xây dựng dự thảo văn bản, Quyết định|Sở Nội vụ|Các Sở, ban ngành cấp tỉnh, UBND cấp huyện|Năm 2025",
        "I|2.3|3.4|Xây dựng báo cáo, triển khai nâng cấp phần mềm|||Năm 2025",
        "I|2.4|3.5|Xây dựng, ban hành kế hoạch|Sở Thông tin và Truyền thông|Các Sở, ban ngành cấp tỉnh, UBND các huyện, thành phố, thị xã|Tháng 01/2025",
        "I|2.4|3.6|Tổ chức thực hiện Kế hoạch tuyên truyền|||Thường xuyên",
        "I|2.5|3.7|Các văn bản triển khai các hội nghị|Sở Nội vụ|Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan|Năm 2025",
        "I|2.6|3.8|Văn bản chỉ đạo triển khai xác định chỉ số PARINDEX|Sở Nội vụ|Các cơ quan chủ trì CCHC của tỉnh|Theo Kế hoạch của Bộ Nội vụ",
        "I|2.6|3.9|Công văn, hướng dẫn, Báo cáo tự đánh giá|Sở Nội vụ|Các cơ quan chủ trì CCHC của tỉnh|Theo Kế hoạch của Bộ Nội vụ",
        "I|2.7|3.10|Văn bản đề nghị các ngành phân tích|Sở Nội vụ|Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan|Sau khi các cơ quan TW công bố chỉ số PAPI, PARINDE X, SIPAS",
        "I|2.8|3.12|Văn bản đề nghị các ngành phân tích|Sở Kế hoạch và Đầu tư|Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan|Sau khi các cơ quan liên quan công bố chỉ số PCI năm 2025",
        "I|2.9|3.15|Văn bản chỉ đạo khắc phục các tồn tại hạn chế|Sở Thông tin và Truyền thông|Các cơ quan chủ trì CCHC của tỉnh, các cơ quan liên quan|Sau khi Bộ Thông tin và Truyền thông công bố chỉ số DTI năm 2025",
        "I|2.10|3.16|Tập hợp, rà soát các sáng kiến|Sở Nội vụ chủ trì đối với nhân rộng mô hình hay; Sở Khoa học và Công nghệ chủ trì đối với áp dụng các sáng kiến CCHC|Các cơ quan, đơn vị, địa phương|Thường xuyên",
        "I|2.11|3.17|Viết sáng kiến, đánh giá hiệu quả|Các cơ quan chủ trì các lĩnh vực CCHC tỉnh; cơ quan, đơn vị, địa phương|Cơ quan, đơn vị liên quan|Thường xuyên",
        "I|2.12|3.18|Ban hành Kế hoạch Kiểm tra CCHC|Sở Nội vụ|Các cơ quan chủ trì CCHC của tỉnh, các đơn vị được kiểm tra|Quý II, III/2025",
        "I|2.12|3.22|Ban hành Văn bản chỉ đạo khắc phục tồn tại|Sở Nội vụ|Các cơ quan chủ trì CCHC của tỉnh, các đơn vị được kiểm tra|Quý II, III/2025",
        "I|2.13|3.23|Thông báo kiểm tra|Sở Nội vụ, Thành viên Đoàn kiểm tra CCHC tỉnh|Các cơ quan, đơn vị, địa phương|Năm 2025",
        "I|2.14|3.24|Thông báo lịch thẩm định|Sở Nội vụ, Đoàn Kiểm tra, HĐTĐ CCHC tỉnh|các cơ quan, đơn vị liên quan|Theo kế hoạch thẩm định hằng năm",
        "I|2.16|3.26|Các chuyến tham quan học tập kinh nghiệm|Sở Nội vụ|Các cơ quan, đơn vị, địa phương|Năm 2025",
        "II|2.1|3.1|Rà soát và lập danh mục nội dung giao quy định chi tiết|Sở Tư pháp|Các sở, ban, ngành cấp tỉnh|Thường xuyên",
        "II|2.1|3.2|Xây dựng các dự thảo văn bản|Sở, ban, ngành có liên quan|Sở Tư pháp|Thường xuyên",
        "II|2.2|3.4|Thực hiện nghiêm túc quy trình ban hành|Sở Tư pháp|Sở, ban, ngành cấp tỉnh, UBND cấp huyện|Quý I",
        "II|2.2|3.5|Hướng dẫn nghiệp vụ chuyên sâu|Sở Tư pháp|Sở, ban, ngành cấp tỉnh, UBND cấp huyện|Quý II",
        "II|2.2|3.7|Thực hiện rà soát văn bản QPPL của HĐND, UBND tỉnh|Sở, ban, ngành cấp tỉnh|Sở Tư pháp|Thường xuyên",
        "II|2.3|3.8|Thành lập Đoàn kiểm tra liên ngành|Sở Tư pháp|Sở, ban, ngành cấp tỉnh, UBND cấp huyện|Quý IV năm 2025",
        "II|2.4|3.9|Triển khai kịp thời các văn bản QPPL|Sở, ban, ngành cấp tỉnh; UBND cấp huyện|Sở Tư pháp|Thường xuyên",
        "III|2.1|3.1|Lấy ý kiến các cơ quan, đơn vị, địa phương liên quan|Văn phòng UBND tỉnh|Các sở, ban, ngành; UBND cấp huyện|Quý I/2025",
        "III|2.3|3.3|Tiến hành triển khai rà soát và cắt giảm|Sở, ban, ngành|Văn phòng UBND tỉnh|Quý I, II năm 2025",
        "III|2.6|3.7|Thực hiện rà soát, đánh giá TTHC để cung cấp|Các Sở, ban, ngành; UBND cấp huyện, UBND cấp xã.|Văn phòng UBND tỉnh|Thường xuyên",
        "III|2.7|3.8|Đẩy mạnh công tác tuyên truyền|Các Sở, ban, ngành; UBND cấp huyện, UBND cấp xã.|Văn phòng UBND tỉnh|Thường xuyên",
        "III|2.10|3.14|Xây dựng kế hoạch, thông báo lịch kiểm tra|Văn phòng UBND tỉnh; Tổ công tác theo Quyết định số 2088/QĐ- UBND ngày 14/5/2021 của UBND tỉnh|Các sở, ngành cấp tỉnh; UBND cấp huyện, UBND cấp xã|Thường xuyên",
        "III|2.11|3.15|Xây dựng kế hoạch, phân công các cơ quan chủ trì|Văn phòng UBND tỉnh, Trung tâm Hỗ trợ phát triển doanh nghiệp và Xúc tiến đầu tư|Sở Kế hoạch và Đầu tư, Sở Công Thương, các cơ quan, đơn vị liên quan|Năm 2025",
        "IV|2.1|-|Xây dựng kế hoạch/đề án trình cấp có thẩm quyền|Sở Nội vụ|Sở, ban, ngành, địa phương|Năm 2025",
        "IV|2.2|3.1|Thực hiện thẩm định đề án|Sở Nội vụ cho ý kiến/ trình cấp có thẩm quyền kiện toàn, quy định cơ cấu tổ chức của các đơn vị sự nghiệp công lập sau khi các cơ quan, đơn vị, địa phương|Các Sở, ban, ngành có liên quan|Theo lộ trình đề án được phê duyệt",
        "IV|2.6|3.2|Rà soát, đánh giá và trình Quyết định tỷ lệ tự chủ|Sở Tài chính|Địa phương, sở, ban ngành có liên quan|Theo lộ trình đề án được phê duyệt",
        "V|2.1|3.1|Xây dựng kế hoạch đào tạo, bồi dưỡng|Sở Nội vụ|Các Sở, ban, ngành, UBND cấp huyện|Quý I/2025",
        "V|2.1|3.4|Cử cán bộ trẻ đi đào tạo sau đại học|Sở Nội vụ|Các Sở, ban, ngành, UBND cấp huyện|Năm 2025",
        "V|2.3|3.6|Phối hợp mở lớp đào tạo, bồi dưỡng|UBND cấp huyện|Sở Nội vụ và các đơn vị liên quan|Năm 2025",
        "V|2.4|-|Phê duyệt chỉ tiêu tuyển dụng công chức|UBND tỉnh (qua Sở Nội vụ thẩm định)|Các sở, ban ngành; UBND cấp huyện; đơn vị sự nghiệp|Năm 2025",
        "V|2.5|-|Tổ chức tuyển dụng theo quy định|UBND tỉnh (Sở Nội vụ tham mưu)|Các Sở, ban ngành; UBND cấp huyện; đơn vị sự nghiệp|Năm 2025",
        "VI|2.2|3.2|Văn bản đôn đốc, báo cáo|Sở Tài chính|Các Sở, ngành, đơn vị, UBND cấp huyện|Năm 2025",
        "VI|2.6|3.6|Tổ chức tập huấn.|5.1. Trung tâm Tư vấn dịch vụ tài chính 5.2. Sở Tài chính (đối với các đơn vị SNCL thuộc cấp tỉnh); Phòng Tài chính - Kế hoạch (đối với đơn vị SNCL cấp huyện).|Các sở, ngành, đơn vị, UBND các huyện, thị xã, thành phố|Năm 2025",
        "VII.1|2.1|3.1|Triển khai mạng truyền số liệu dùng (TSLCD) cấp II|Sở Thông tin và Truyền thông|Sở Tài chính; các Sở, ban ngành liên quan|Năm 2025",
        "VII.1|2.5|3.5|Xây dựng, triển khai, hoàn thiện, quản lý hệ thống thông tin|Các sở, ban ngành liên quan|Sở Thông tin và Truyền thông, Sở Tài chính|Năm 2025",
        "VII.1|2.9|3.9|Nâng cấp, bổ sung, hoàn thiện các hệ thống thông tin|Văn phòng UBND tỉnh|Sở Thông tin và Truyền thông, Sở Tài chính|Năm 2025",
        "VII.2|2.1|3.1|Áp dụng hệ thống theo các điều khoản tiêu chuẩn|Các cơ quan, đơn vị áp dụng|Sở Khoa học và Công nghệ.|Quý I- IV năm 2025",
        "VII.2|2.3|3.3|Thực hiện rà soát chuẩn hóa lại hệ thống|Các UBND cấp xã đạt chuẩn NTM, đơn vị tư vấn|Sở Khoa học và Công nghệ|Quý I-IV năm 2025",
        "VII.2|2.6|3.6|Thực hiện việc kiểm tra, đánh giá tại các cơ quan|Sở Khoa học và Công nghệ (chủ trì, phối hợp kiểm tra)|Các cơ quan, đơn vị|Quý II- IV năm 2025",
        "VII.2|2.8|3.8|Áp dụng hệ thống theo bộ chỉ số đã xây dựng|UBND thành phố Hà Tĩnh và UBND thị xã Kỳ Anh|Sở Khoa học và Công nghệ.|Quý I- IV năm 2025",
        "VII.2|2.9|3.9|Tổ chức Hội nghị sơ kết đánh giá kết quả thực hiện.|Sở Khoa học và Công nghệ|Các cơ quan, đơn vị áp dụng ISO|Quý IV năm 2025",
    ];

    public static IEnumerable<object[]> ActivityRows() => Activities.Select(a => new object[] { a });

    [Theory]
    [MemberData(nameof(ActivityRows))]
    public void Activity_HasTaskAreaTextBodiesAndDueAsInTheSeed(string line) => SeedTable.CheckActivity(Table.Value.Result, line);

    [Fact]
    public void ActivityCount_MatchesTheSeed_AndSeveralActivitiesInOneCellShareTheRow()
    {
        var acts = Table.Value.Result.Body.Activities;
        // 26 in I, 9 in II, 15 in III, 6 in IV (three rows without activity, 2.4/2.5 each one), 8 in V,
        // 13 in VI, 9 + 9 in VII.
        acts.Count(a => a.Area == "I").Should().Be(26);
        acts.Count(a => a.Area == "II").Should().Be(9);
        acts.Count(a => a.Area == "III").Should().Be(15);
        var i18to22 = acts.Where(a => a.Area == "I" && a.Task == "2.12").ToList();
        i18to22.Select(a => a.Code).Should().Equal("3.18", "3.19", "3.20", "3.21", "3.22");
        i18to22.Select(a => a.Outputs).Distinct().Should().ContainSingle();
    }

    [Fact]
    public void Tasks_CarryTheTargetOfTheirRowSpan_AndSplitCellsWithTwoTasks()
    {
        var tasks = Table.Value.Result.Body.Tasks;
        tasks.Single(t => t.Area == "I" && t.Code == "2.5").Targets.Should().Equal("1.1");
        tasks.Single(t => t.Area == "I" && t.Code == "2.9").Targets.Should().Equal("1.2");
        tasks.Single(t => t.Area == "III" && t.Code == "2.7").Text.Should().StartWith("Nâng cao tỷ lệ hồ sơ trực tuyến");
        tasks.Single(t => t.Area == "III" && t.Code == "2.7").Targets.Should().Equal("1.6");
        tasks.Single(t => t.Area == "VII.2" && t.Code == "2.4").Targets.Should().Equal("1.4");
    }

    [Fact]
    public void Budget_IsNullWhenEmpty_AndTheTimeNeverShiftsIntoTheBudget()
    {
        var acts = Table.Value.Result.Body.Activities;
        acts.Single(a => a.Area == "I" && a.Code == "3.1").Budget.Should().BeNull();
        acts.Single(a => a.Area == "I" && a.Code == "3.5").Budget.Should().Be("Theo dự toán được cấp");
        // PL II r1.2: "Quý I | 0 |" with the TT cell merged above.
        var ii34 = acts.Single(a => a.Area == "II" && a.Code == "3.4");
        ii34.Due.Text.Should().Be("Quý I");
        ii34.Budget.Should().Be("0");
        acts.Single(a => a.Area == "II" && a.Code == "3.2").Budget.Should().Be("380");
        // PL V task 2.5: one merged cell on the left, empty budget.
        var v25 = acts.Single(a => a.Area == "V" && a.Task == "2.5");
        v25.Due.Text.Should().Be("Năm 2025");
        v25.Budget.Should().BeNull();
    }

    [Fact]
    public void Warnings_PointToLines()
    {
        Table.Value.Warnings.Should().NotBeEmpty();
        Table.Value.Warnings.Should().OnlyContain(w => w.Location.StartsWith("dòng "));
    }
}
