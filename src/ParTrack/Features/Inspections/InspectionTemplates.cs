using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Inspections;

/// <summary>
/// The texts of the inspection documents, which a coordinator adjusts (Kiểm tra CCHC → Mẫu văn bản). A template is
/// plain text: its first line is the document's name (KẾ HOẠCH), the second its subject, then one paragraph per
/// line; a line starting with "#" is a heading. {placeholders} are filled from the programme, round or inspection;
/// a value of several lines becomes several paragraphs.
/// </summary>
public sealed class InspectionTemplates(AppDbContext db)
{
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["plan"] = "Kế hoạch kiểm tra", ["decision"] = "Quyết định thành lập đoàn kiểm tra", ["minutes"] = "Biên bản kiểm tra",
        ["conclusion"] = "Thông báo kết luận kiểm tra", ["summary"] = "Báo cáo tổng kết công tác kiểm tra năm",
    };

    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>
    {
        ["plan"] = """
            KẾ HOẠCH
            Kiểm tra công tác cải cách hành chính năm {year}
            Căn cứ {legalBasis}; Sở Nội vụ ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm {year} như sau:
            # I. MỤC ĐÍCH, YÊU CẦU
            Đánh giá tình hình triển khai nhiệm vụ cải cách hành chính tại các cơ quan, đơn vị; kịp thời chấn chỉnh những tồn tại, hạn chế.
            # II. NỘI DUNG KIỂM TRA
            {contentAreas}
            # III. HÌNH THỨC, ĐỐI TƯỢNG VÀ THỜI GIAN KIỂM TRA
            Hình thức: {kinds}.
            {rounds}
            Chỉ tiêu kiểm tra: {targets}
            Các cơ quan, đơn vị được kiểm tra:
            {units}
            # IV. TỔ CHỨC THỰC HIỆN
            Các cơ quan, đơn vị được kiểm tra chuẩn bị báo cáo tự kiểm tra và hồ sơ, tài liệu theo thông báo của Đoàn kiểm tra; khắc phục tồn tại trong {remedyDays} ngày kể từ ngày có thông báo kết luận.
            """,
        ["decision"] = """
            QUYẾT ĐỊNH
            Về việc thành lập Đoàn kiểm tra công tác cải cách hành chính năm {year} ({round})
            Căn cứ {programme};
            Điều 1. Thành lập Đoàn kiểm tra công tác cải cách hành chính ({round}, từ ngày {roundFrom} đến ngày {roundTo}) gồm các ông (bà) có tên sau:
            {team}
            Điều 2. Đoàn kiểm tra có nhiệm vụ kiểm tra công tác cải cách hành chính tại các cơ quan, đơn vị theo Kế hoạch; Đoàn tự giải thể sau khi hoàn thành nhiệm vụ.
            Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Các ông (bà) có tên tại Điều 1 và các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.
            """,
        ["minutes"] = """
            BIÊN BẢN
            Kiểm tra công tác cải cách hành chính tại {unit}
            Hôm nay, ngày {visitedOn}, Đoàn kiểm tra công tác cải cách hành chính theo {programme} làm việc tại {unit}.
            # I. THÀNH PHẦN
            {attendees}
            # II. KẾT QUẢ KIỂM TRA
            {observations}
            # III. HỒ SƠ KIỂM TRA XÁC SUẤT
            {sampledDossiers}
            Biên bản được lập thành 02 bản, đã đọc lại cho các thành phần tham dự cùng nghe và thống nhất ký tên.
            """,
        ["conclusion"] = """
            THÔNG BÁO
            Kết luận kiểm tra công tác cải cách hành chính tại {unit}
            Thực hiện {programme}, ngày {visitedOn} Đoàn kiểm tra đã làm việc tại {unit}. Sở Nội vụ thông báo kết luận như sau:
            # I. TỒN TẠI, HẠN CHẾ VÀ YÊU CẦU KHẮC PHỤC
            {findings}
            # II. TỔ CHỨC THỰC HIỆN
            Đề nghị {unit} khắc phục các tồn tại, hạn chế nêu trên và báo cáo kết quả về Sở Nội vụ theo thời hạn đã nêu.
            """,
        ["summary"] = """
            BÁO CÁO
            Kết quả kiểm tra công tác cải cách hành chính năm {year}
            Thực hiện {programme}, Sở Nội vụ báo cáo kết quả như sau:
            # I. KẾT QUẢ KIỂM TRA
            {coverage}
            # II. TỒN TẠI, HẠN CHẾ VÀ KẾT QUẢ KHẮC PHỤC
            {findingsSummary}
            {remedyRate}
            # III. ĐƠN VỊ CHẬM KHẮC PHỤC
            {overdue}
            """,
    };

    public async Task<string> TextAsync(string kind, CancellationToken ct = default) =>
        await db.Set<InspectionTemplate>().AsNoTracking().Where(t => t.Kind == kind).Select(t => t.Text).FirstOrDefaultAsync(ct)
        ?? Defaults[kind].Trim();

    /// <summary>Saves the coordinator's text; an empty text puts the default back.</summary>
    public async Task<string?> SaveAsync(string kind, string? text, CancellationToken ct = default)
    {
        if (!Defaults.ContainsKey(kind)) return "Không có mẫu văn bản này.";
        if (Limits.TooLong(Names[kind], text, Limits.LongText) is { } tooLong) return tooLong;
        var row = await db.Set<InspectionTemplate>().FirstOrDefaultAsync(t => t.Kind == kind, ct);
        if (string.IsNullOrWhiteSpace(text)) { if (row is not null) db.Remove(row); return null; }
        if (row is null) db.Add(row = new InspectionTemplate { Kind = kind });
        row.Text = text.Trim();
        return null;
    }

    /// <summary>The template with its placeholders filled: (name, subject, paragraphs). Unknown placeholders stay as written.</summary>
    public static (string Name, string Subject, IReadOnlyList<string> Lines) Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        var filled = template;
        foreach (var (key, value) in values) filled = filled.Replace("{" + key + "}", value);
        var lines = filled.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        return (lines.ElementAtOrDefault(0) ?? "", lines.ElementAtOrDefault(1) ?? "", lines.Skip(2).ToList());
    }
}
