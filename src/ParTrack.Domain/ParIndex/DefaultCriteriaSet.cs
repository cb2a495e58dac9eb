namespace ParTrack.Domain.ParIndex;

/// <summary>
/// The criteria set ParTrack ships: the eight areas of the Ministry of Home Affairs' provincial PAR
/// Index, with criteria and sub-criteria a province can edit. The points are a sensible starting split
/// summing to 100 (about a third from surveys, in area 8), not the Ministry's official figures; a
/// province adjusts them to its own decision before opening a round.
/// </summary>
public static class DefaultCriteriaSet
{
    // "100% → full points; ≥ 90% → half; else 0", the common ratio rule.
    private static readonly RatioScoring FullOrHalf = new([new(1m, 1m), new(0.9m, 0.5m)]);

    public static CriteriaSet Build(int year, string group = "Sở, ban, ngành cấp tỉnh") =>
        new(year, group, $"Bộ tiêu chí Chỉ số CCHC năm {year} – {group}",
        [
            Area("1", "Công tác chỉ đạo, điều hành cải cách hành chính",
                Criterion("1.1", "Kế hoạch cải cách hành chính năm",
                    Sub("1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 1, Levels(0, 0.5m, 1)),
                    Sub("1.1.2", "Mức độ hoàn thành kế hoạch CCHC năm", 1, FullOrHalf)),
                Criterion("1.2", "Báo cáo cải cách hành chính",
                    Sub("1.2.1", "Báo cáo CCHC định kỳ đầy đủ, đúng thời hạn", 1.5m, FullOrHalf)),
                Criterion("1.3", "Kiểm tra cải cách hành chính",
                    Sub("1.3.1", "Tỷ lệ cơ quan, đơn vị được kiểm tra theo kế hoạch", 1, FullOrHalf),
                    Sub("1.3.2", "Xử lý tồn tại, hạn chế phát hiện qua kiểm tra", 1, FullOrHalf)),
                Criterion("1.4", "Công tác thông tin, tuyên truyền cải cách hành chính",
                    Sub("1.4.1", "Thực hiện kế hoạch tuyên truyền CCHC", 1.5m, Levels(0, 0.75m, 1.5m))),
                Criterion("1.5", "Sáng kiến, giải pháp mới trong cải cách hành chính",
                    Sub("1.5.1", "Có sáng kiến, giải pháp mới được công nhận và áp dụng", 2, Range)),
                Criterion("1.6", "Thực hiện nhiệm vụ UBND tỉnh giao",
                    Sub("1.6.1", "Tỷ lệ nhiệm vụ được giao hoàn thành đúng hạn", 1, FullOrHalf))),

            Area("2", "Cải cách thể chế",
                Criterion("2.1", "Xây dựng, ban hành văn bản quy phạm pháp luật",
                    Sub("2.1.1", "Thực hiện kế hoạch ban hành văn bản QPPL", 2, FullOrHalf),
                    Sub("2.1.2", "Chất lượng văn bản QPPL được ban hành", 1, Range)),
                Criterion("2.2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
                    Sub("2.2.1", "Rà soát, hệ thống hóa và xử lý văn bản sau rà soát", 2, Levels(0, 1, 2))),
                Criterion("2.3", "Theo dõi, kiểm tra thi hành pháp luật",
                    Sub("2.3.1", "Thực hiện kế hoạch theo dõi thi hành pháp luật", 1.5m, Range),
                    Sub("2.3.2", "Xử lý vấn đề phát hiện qua theo dõi, kiểm tra", 1.5m, FullOrHalf))),

            Area("3", "Cải cách thủ tục hành chính",
                Criterion("3.1", "Công bố, công khai thủ tục hành chính",
                    Sub("3.1.1", "Công bố danh mục TTHC đúng thời hạn", 1.5m, FullOrHalf),
                    Sub("3.1.2", "Công khai TTHC trên Cổng Dịch vụ công", 1.5m, FullOrHalf)),
                Criterion("3.2", "Rà soát, đơn giản hóa thủ tục hành chính",
                    Sub("3.2.1", "Thực hiện kế hoạch rà soát, đơn giản hóa TTHC", 2, Range)),
                Criterion("3.3", "Thực hiện cơ chế một cửa, một cửa liên thông",
                    Sub("3.3.1", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 2.5m, FullOrHalf),
                    Sub("3.3.2", "Số hóa hồ sơ, kết quả giải quyết TTHC", 1.5m, FullOrHalf)),
                Criterion("3.4", "Tiếp nhận, xử lý phản ánh, kiến nghị",
                    Sub("3.4.1", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", 3, FullOrHalf))),

            Area("4", "Cải cách tổ chức bộ máy hành chính nhà nước",
                Criterion("4.1", "Sắp xếp tổ chức bộ máy",
                    Sub("4.1.1", "Thực hiện sắp xếp, kiện toàn tổ chức theo quy định", 3, Levels(0, 1.5m, 3))),
                Criterion("4.2", "Quản lý, sử dụng biên chế",
                    Sub("4.2.1", "Sử dụng biên chế được giao và thực hiện tinh giản", 3, FullOrHalf)),
                Criterion("4.3", "Phân cấp, ủy quyền",
                    Sub("4.3.1", "Thực hiện phân cấp, ủy quyền và kiểm tra sau phân cấp", 2, Range))),

            Area("5", "Cải cách chế độ công vụ",
                Criterion("5.1", "Vị trí việc làm",
                    Sub("5.1.1", "Xây dựng, điều chỉnh và thực hiện vị trí việc làm", 2, Levels(0, 1, 2))),
                Criterion("5.2", "Tuyển dụng, sử dụng, quản lý cán bộ, công chức, viên chức",
                    Sub("5.2.1", "Tuyển dụng, bổ nhiệm đúng quy định", 1.5m, Range),
                    Sub("5.2.2", "Đánh giá, xếp loại cán bộ, công chức, viên chức", 1.5m, Range)),
                Criterion("5.3", "Đào tạo, bồi dưỡng",
                    Sub("5.3.1", "Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng", 2, FullOrHalf)),
                Criterion("5.4", "Kỷ luật, kỷ cương hành chính",
                    Sub("5.4.1", "Chấp hành kỷ luật, kỷ cương hành chính", 3, Levels(0, 1.5m, 3)))),

            Area("6", "Cải cách tài chính công",
                Criterion("6.1", "Quản lý, sử dụng ngân sách",
                    Sub("6.1.1", "Tỷ lệ giải ngân vốn đầu tư công", 1.5m, FullOrHalf),
                    Sub("6.1.2", "Thực hiện kiến nghị của thanh tra, kiểm toán", 1.5m, FullOrHalf)),
                Criterion("6.2", "Cơ chế tự chủ của đơn vị sự nghiệp công lập",
                    Sub("6.2.1", "Giao và thực hiện quyền tự chủ tài chính", 3, Range)),
                Criterion("6.3", "Quản lý, sử dụng tài sản công",
                    Sub("6.3.1", "Ban hành và thực hiện quy chế quản lý tài sản công", 2, Levels(0, 1, 2)))),

            Area("7", "Xây dựng và phát triển chính quyền điện tử, chính quyền số",
                Criterion("7.1", "Hạ tầng và nền tảng số",
                    Sub("7.1.1", "Hạ tầng, nền tảng và dữ liệu số phục vụ chỉ đạo, điều hành", 2, Range)),
                Criterion("7.2", "Cung cấp dịch vụ công trực tuyến",
                    Sub("7.2.1", "Tỷ lệ hồ sơ nộp trực tuyến toàn trình", 2, FullOrHalf),
                    Sub("7.2.2", "Tỷ lệ giao dịch thanh toán trực tuyến", 2, FullOrHalf)),
                Criterion("7.3", "Văn bản điện tử, hồ sơ công việc trên môi trường mạng",
                    Sub("7.3.1", "Tỷ lệ hồ sơ công việc xử lý trên môi trường mạng", 3, FullOrHalf)),
                Criterion("7.4", "Bảo đảm an toàn thông tin",
                    Sub("7.4.1", "Triển khai phương án bảo đảm an toàn thông tin", 1.5m, Levels(0, 0.75m, 1.5m))),
                Criterion("7.5", "Áp dụng hệ thống quản lý chất lượng ISO 9001",
                    Sub("7.5.1", "Duy trì, cải tiến hệ thống ISO 9001:2015", 1.5m, Levels(0, 0.75m, 1.5m)))),

            Area("8", "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội",
                Criterion("8.1", "Sự hài lòng của người dân, tổ chức",
                    Sub("8.1.1", "Tiếp cận dịch vụ", 4, Survey),
                    Sub("8.1.2", "Thủ tục hành chính", 4, Survey),
                    Sub("8.1.3", "Sự phục vụ của công chức", 4, Survey),
                    Sub("8.1.4", "Kết quả giải quyết thủ tục hành chính", 4, Survey)),
                Criterion("8.2", "Tác động đến quản lý nhà nước",
                    Sub("8.2.1", "Tỷ lệ chỉ tiêu kinh tế - xã hội được giao hoàn thành", 4, FullOrHalf),
                    Sub("8.2.2", "Đánh giá của lãnh đạo, công chức về cải cách hành chính", 4, Survey)),
                Criterion("8.3", "Tác động đến phát triển kinh tế - xã hội",
                    Sub("8.3.1", "Thu hút đầu tư, phát triển doanh nghiệp", 4, Range),
                    Sub("8.3.2", "Tỷ lệ hoàn thành dự toán thu ngân sách", 4, FullOrHalf))),
        ]);

    private static readonly RangeScoring Range = new();
    private static readonly SurveyScoring Survey = new();

    private static LevelsScoring Levels(params decimal[] levels) => new(levels);

    private static ParArea Area(string code, string title, params ParCriterion[] criteria) => new(code, title, criteria);

    private static ParCriterion Criterion(string code, string title, params ParSubCriterion[] subs) => new(code, title, subs);

    // Evidence (tài liệu kiểm chứng) is required for everything the unit scores itself, not for surveys.
    private static ParSubCriterion Sub(string code, string title, decimal max, ScoringMethod scoring) =>
        new(code, title, max, scoring, EvidenceRequired: scoring is not SurveyScoring);
}
