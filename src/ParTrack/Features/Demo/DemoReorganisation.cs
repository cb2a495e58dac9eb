using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    sealed record Change(ChangeKind Kind, DateOnly On, string[] From, string[] To, string Note, bool DeactivateAccounts = false);

    /// <summary>
    /// The 2025 reorganisation as provinces did it (DOMAIN §7), applied through the registry's own merge /
    /// split action so the demo holds what an administrator would have entered: successors, last days,
    /// moved accounts and the audit trail. Hà Tĩnh's own decisions may differ in details; this is the common
    /// pattern. The district level ends on 30/06/2025 without a single successor (its rows carry the date).
    /// </summary>
    static readonly Change[] Changes =
    [
        new(ChangeKind.Merge, MergersOn, ["Sở Kế hoạch và Đầu tư"], ["Sở Tài chính"],
            "Nghị định 45/2025/NĐ-CP: hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính."),
        new(ChangeKind.Merge, MergersOn, ["Sở Giao thông vận tải"], ["Sở Xây dựng"],
            "Nghị định 45/2025/NĐ-CP: hợp nhất Sở Giao thông vận tải vào Sở Xây dựng."),
        new(ChangeKind.Merge, MergersOn, ["Sở Tài nguyên và Môi trường", "Sở Nông nghiệp và Phát triển nông thôn"], ["Sở Nông nghiệp và Môi trường"],
            "Nghị định 45/2025/NĐ-CP: hợp nhất Sở Tài nguyên và Môi trường và Sở Nông nghiệp và Phát triển nông thôn thành Sở Nông nghiệp và Môi trường."),
        new(ChangeKind.Split, MergersOn, ["Sở Thông tin và Truyền thông"], ["Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"],
            "Nghị định 45/2025/NĐ-CP: hợp nhất vào Sở Khoa học và Công nghệ; báo chí, xuất bản sang Sở Văn hóa, Thể thao và Du lịch."),
        new(ChangeKind.Split, MergersOn, ["Sở Lao động - Thương binh và Xã hội"], ["Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo"],
            "Nghị định 45/2025/NĐ-CP: hợp nhất vào Sở Nội vụ; bảo trợ xã hội, trẻ em sang Sở Y tế; giáo dục nghề nghiệp sang Sở Giáo dục và Đào tạo.",
            DeactivateAccounts: true),
        new(ChangeKind.Merge, MergersOn, ["Ban Dân tộc tỉnh"], ["Sở Dân tộc và Tôn giáo"],
            "Nghị định 45/2025/NĐ-CP: thành lập Sở Dân tộc và Tôn giáo trên cơ sở Ban Dân tộc (và tín ngưỡng, tôn giáo từ Sở Nội vụ)."),
        new(ChangeKind.Merge, CommunesMerged, ["UBND phường Bắc Hà", "UBND phường Nam Hà"], ["UBND phường Thành Sen"],
            "Chính quyền địa phương hai cấp: sắp xếp đơn vị hành chính cấp xã."),
        new(ChangeKind.Merge, CommunesMerged, ["UBND thị trấn Tiên Điền", "UBND xã Xuân Giang"], ["UBND xã Tiên Điền"],
            "Chính quyền địa phương hai cấp: sắp xếp đơn vị hành chính cấp xã."),
    ];

    /// <summary>Applies <see cref="Changes"/> to the seeded registry (before any plan exists, so no work moves yet: it follows the successors).</summary>
    static async Task ReorganiseAsync(AppDbContext db, CancellationToken ct)
    {
        var ids = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Name, a => a.Id, ct);
        var reorganisation = new Reorganisation(db, TimeProvider.System, new SystemUser());
        foreach (var c in Changes)
        {
            var input = new ReorganisationInput
            {
                Kind = c.Kind, EffectiveOn = c.On, Note = c.Note, DeactivateAccounts = c.DeactivateAccounts,
                FromIds = c.From.Select(n => ids[n]).ToList(), ToIds = c.To.Select(n => ids[n]).ToList(),
            };
            var done = await reorganisation.ApplyAsync(input, ct);
            if (!done.IsOk) throw new InvalidOperationException($"Demo reorganisation {string.Join(", ", c.From)}: {done.Message}");
            db.ChangeTracker.Clear();
        }
    }

    sealed class SystemUser : IAuditUser
    {
        public string AuditName => "system";
    }
}
