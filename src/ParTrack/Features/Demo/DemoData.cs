using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Agencies;

namespace ParTrack.Features.Demo;

/// <summary>
/// Demo data for Hà Tĩnh: the provincial committee, its departments before and after the mergers of
/// 01/03/2025, public service units, central agencies, the 13 district-level units as they were before
/// the 2025 reorganisation (valid to 30/06/2025), a few communes of which some merged into a successor from
/// 01/07/2025, the named groups used in plans, and one account per role. The mergers are applied by the
/// registry's own reorganisation (DemoReorganisation.cs), as an administrator would.
/// </summary>
public static partial class DemoData
{
    public const string Password = "Demo@2025";

    public static readonly DateOnly CommunesMerged = new(2025, 7, 1);
    /// <summary>The provincial departments' mergers (Decree 45/2025/NĐ-CP).</summary>
    public static readonly DateOnly MergersOn = new(2025, 3, 1);

    /// <summary>The demo log-ins: user name, role, the officer's agency (by name).</summary>
    public static readonly (string UserName, string DisplayName, Role Role, string? Agency)[] Accounts =
    [
        ("admin", "Quản trị hệ thống", Role.Administrator, null),
        ("coordinator", "Chuyên viên CCHC Sở Nội vụ", Role.Coordinator, null),
        ("leader", "Lãnh đạo UBND tỉnh", Role.Leader, null),
        ("appraiser", "Thành viên Hội đồng thẩm định", Role.Appraiser, null),
        ("snv", "Cán bộ Sở Nội vụ", Role.AgencyOfficer, "Sở Nội vụ"),
        ("stp", "Cán bộ Sở Tư pháp", Role.AgencyOfficer, "Sở Tư pháp"),
        ("tphatinh", "Cán bộ UBND thành phố Hà Tĩnh", Role.AgencyOfficer, "UBND thành phố Hà Tĩnh"),
        // Accounts of departments merged on 01/03/2025: one moved to the successor, one deactivated (DemoReorganisation).
        ("skhdt", "Cán bộ Sở Kế hoạch và Đầu tư", Role.AgencyOfficer, "Sở Kế hoạch và Đầu tư"),
        ("sldtbxh", "Cán bộ Sở Lao động - Thương binh và Xã hội", Role.AgencyOfficer, "Sở Lao động - Thương binh và Xã hội"),
    ];

    sealed record Body(string Name, string? Short, AgencyKind Kind, AdminLevel Level, string? Parent = null,
        string[]? Aliases = null, DateOnly? From = null, DateOnly? To = null);

    const string Ubnd = "UBND tỉnh Hà Tĩnh";

    static Body Dept(string name, string? shortName = null, params string[] aliases) =>
        new(name, shortName, AgencyKind.Department, AdminLevel.Province, Ubnd, aliases);

    static Body District(string name, string shortName) =>
        new(name, shortName, AgencyKind.DistrictCommittee, AdminLevel.District, Ubnd, To: new DateOnly(2025, 6, 30));

    static readonly Body[] Bodies =
    [
        new(Ubnd, "UBND tỉnh", AgencyKind.PeoplesCommittee, AdminLevel.Province,
            Aliases: ["Ủy ban nhân dân tỉnh Hà Tĩnh", "UBND tỉnh (Sở Nội vụ tham mưu)"]),
        // Sở Nội vụ is the standing body of the PAR inspection team and appraisal council (DOMAIN §4),
        // so the plans' rows led by those bodies are its work.
        Dept("Sở Nội vụ", "SNV", "UBND tỉnh (qua Sở Nội vụ thẩm định)", "Đoàn kiểm tra CCHC tỉnh", "Đoàn Kiểm tra",
            "Thành viên Đoàn kiểm tra CCHC tỉnh", "Hội đồng thẩm định CCHC tỉnh", "HĐTĐ CCHC tỉnh"),
        Dept("Sở Tư pháp", "STP"),
        Dept("Sở Tài chính", "STC", "Sở Tài chính (đối với các đơn vị SNCL thuộc cấp tỉnh)"),
        Dept("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
        Dept("Sở Thông tin và Truyền thông", "Sở TTTT", "Sở Thông tin truyền thông", "Sở TT&TT"),
        Dept("Sở Khoa học và Công nghệ", "Sở KH&CN", "Sở Khoa học và Công nghệ (chủ trì, phối hợp kiểm tra)"),
        Dept("Sở Công Thương", "SCT"),
        Dept("Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
        Dept("Sở Y tế", "SYT"),
        Dept("Sở Xây dựng", "SXD"),
        Dept("Sở Giao thông vận tải", "Sở GTVT"),
        Dept("Sở Tài nguyên và Môi trường", "Sở TN&MT"),
        Dept("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
        Dept("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
        Dept("Sở Văn hóa, Thể thao và Du lịch", "Sở VH-TT&DL"),
        Dept("Ban Dân tộc tỉnh", "Ban Dân tộc"),
        // The departments formed on 01/03/2025 (DOMAIN §7); the merged ones end by DemoReorganisation.
        new("Sở Nông nghiệp và Môi trường", "Sở NN&MT", AgencyKind.Department, AdminLevel.Province, Ubnd, From: MergersOn),
        new("Sở Dân tộc và Tôn giáo", "Sở DT&TG", AgencyKind.Department, AdminLevel.Province, Ubnd, From: MergersOn),
        Dept("Thanh tra tỉnh", null),
        Dept("Văn phòng UBND tỉnh", "VP UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh",
            "Tổ công tác theo Quyết định số 2088/QĐ- UBND ngày 14/5/2021 của UBND tỉnh"),
        Dept("Ban Quản lý Khu kinh tế tỉnh", "BQL KKT"),
        new("Trung tâm Phục vụ hành chính công tỉnh", "TTPVHCC", AgencyKind.PublicServiceUnit, AdminLevel.Province, "Văn phòng UBND tỉnh"),
        new("Trung tâm Hỗ trợ phát triển doanh nghiệp và Xúc tiến đầu tư", null, AgencyKind.PublicServiceUnit, AdminLevel.Province, "Sở Kế hoạch và Đầu tư"),
        new("Trung tâm Tư vấn dịch vụ tài chính", null, AgencyKind.PublicServiceUnit, AdminLevel.Province, "Sở Tài chính",
            ["TT Tư vấn dịch vụ tài chính"]),
        new("Đài Phát thanh - Truyền hình tỉnh", null, AgencyKind.PublicServiceUnit, AdminLevel.Province, Ubnd),
        new("Báo Hà Tĩnh", null, AgencyKind.PublicServiceUnit, AdminLevel.Province, Ubnd),
        new("Công an tỉnh", null, AgencyKind.CentralAgency, AdminLevel.Province),
        new("Kho bạc Nhà nước Hà Tĩnh", "KBNN Hà Tĩnh", AgencyKind.CentralAgency, AdminLevel.Province),
        new("Cục Thuế tỉnh", null, AgencyKind.CentralAgency, AdminLevel.Province),
        District("UBND thành phố Hà Tĩnh", "TP Hà Tĩnh"),
        District("UBND thị xã Hồng Lĩnh", "TX Hồng Lĩnh"),
        District("UBND thị xã Kỳ Anh", "TX Kỳ Anh"),
        District("UBND huyện Nghi Xuân", "Nghi Xuân"),
        District("UBND huyện Đức Thọ", "Đức Thọ"),
        District("UBND huyện Hương Sơn", "Hương Sơn"),
        District("UBND huyện Vũ Quang", "Vũ Quang"),
        District("UBND huyện Can Lộc", "Can Lộc"),
        District("UBND huyện Thạch Hà", "Thạch Hà"),
        District("UBND huyện Lộc Hà", "Lộc Hà"),
        District("UBND huyện Cẩm Xuyên", "Cẩm Xuyên"),
        District("UBND huyện Kỳ Anh", "Kỳ Anh"),
        District("UBND huyện Hương Khê", "Hương Khê"),
        // Communes (demo): two wards of the city merged into one ward from 01/07/2025, two communes
        // of Nghi Xuân merged likewise (DemoReorganisation); a merged body's work follows its successor.
        new("UBND phường Thành Sen", null, AgencyKind.CommuneCommittee, AdminLevel.Commune, Ubnd, From: CommunesMerged),
        new("UBND phường Bắc Hà", null, AgencyKind.CommuneCommittee, AdminLevel.Commune, "UBND thành phố Hà Tĩnh"),
        new("UBND phường Nam Hà", null, AgencyKind.CommuneCommittee, AdminLevel.Commune, "UBND thành phố Hà Tĩnh"),
        new("UBND xã Tiên Điền", null, AgencyKind.CommuneCommittee, AdminLevel.Commune, Ubnd, From: CommunesMerged),
        new("UBND thị trấn Tiên Điền", null, AgencyKind.CommuneCommittee, AdminLevel.Commune, "UBND huyện Nghi Xuân"),
        new("UBND xã Xuân Giang", null, AgencyKind.CommuneCommittee, AdminLevel.Commune, "UBND huyện Nghi Xuân"),
        new("UBND xã Thạch Hạ", null, AgencyKind.CommuneCommittee, AdminLevel.Commune, "UBND thành phố Hà Tĩnh"),
    ];

    sealed record Group(string Name, AgencyKind[] Kinds, AdminLevel? Level, string[] Aliases);

    // Groups are defined by kind and level, so "relevant" subsets ("… có liên quan") resolve to the whole
    // kind: the agency sees the row and judges whether it concerns it. Spellings are those of seeds 000/002
    // (DOMAIN §3.2). Names left unresolved on purpose: conditional or external bodies ("các đơn vị được
    // kiểm tra", "đơn vị tư vấn", "Các cơ quan, đơn vị áp dụng ISO", …) that no registry entry stands for.
    static readonly Group[] Groups =
    [
        new("UBND cấp huyện", [AgencyKind.DistrictCommittee], AdminLevel.District,
            ["UBND các huyện, thành phố, thị xã", "UBND các huyện, thị xã, thành phố", "Địa phương", "Các địa phương",
             "Phòng Tài chính - Kế hoạch (đối với đơn vị SNCL cấp huyện)"]),
        new("Các sở, ban, ngành cấp tỉnh", [AgencyKind.Department], AdminLevel.Province,
            ["Sở, ban, ngành", "Các sở, ban, ngành", "Các sở, ngành, đơn vị", "Các sở, cơ quan, đơn vị thuộc UBND tỉnh", "Sở, ngành",
             "Sở, ban, ngành cấp tỉnh", "Các sở, ban ngành cấp tỉnh", "Các sở, ngành cấp tỉnh", "Các sở, ban ngành",
             "Các sở, ban ngành liên quan", "Các sở, ban, ngành liên quan", "Các sở, ban, ngành có liên quan", "Sở, ban, ngành có liên quan"]),
        new("UBND cấp xã", [AgencyKind.CommuneCommittee], AdminLevel.Commune, ["cấp xã", "Các UBND cấp xã", "UBND các xã, phường, thị trấn"]),
        new("UBND cấp huyện và cấp xã", [AgencyKind.DistrictCommittee, AgencyKind.CommuneCommittee], null, ["UBND cấp huyện, cấp xã"]),
        new("Cơ quan Trung ương đóng trên địa bàn tỉnh", [AgencyKind.CentralAgency], null, ["Các cơ quan Trung ương đóng trên địa bàn tỉnh"]),
        // The agencies leading the seven PAR areas (Sở Nội vụ, Sở Tư pháp, Văn phòng UBND tỉnh, Sở Tài chính,
        // Sở TTTT, Sở KH&CN) are all departments; a kind-based group cannot name just those six.
        new("Các cơ quan chủ trì CCHC của tỉnh", [AgencyKind.Department], AdminLevel.Province,
            ["Các cơ quan chủ trì các lĩnh vực CCHC tỉnh", "Các cơ quan chủ trì các lĩnh vực CCHC của tỉnh"]),
        new("Các cơ quan, đơn vị liên quan", [AgencyKind.Department, AgencyKind.CentralAgency, AgencyKind.PublicServiceUnit], AdminLevel.Province,
            ["Các cơ quan liên quan", "Các cơ quan liên quan khác", "Các đơn vị liên quan", "Cơ quan, đơn vị liên quan", "Các cơ quan, đơn vị"]),
        new("Các cơ quan, đơn vị, địa phương",
            [AgencyKind.Department, AgencyKind.CentralAgency, AgencyKind.DistrictCommittee, AgencyKind.CommuneCommittee, AgencyKind.PublicServiceUnit],
            null, ["Các cơ quan, đơn vị và địa phương", "Cơ quan, đơn vị, địa phương", "Sở, ban, ngành, địa phương",
                   "Địa phương, sở, ban ngành có liên quan", "Địa phương, sở, ngành có liên quan"]),
        new("Đơn vị sự nghiệp công lập", [AgencyKind.PublicServiceUnit], null, ["Đơn vị sự nghiệp", "Các đơn vị sự nghiệp công lập"]),
    ];

    /// <summary>Seeds the demo into an empty database (no users yet). Returns false when data exists.</summary>
    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider services, bool withPlans, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Users.AnyAsync(ct) || await db.Agencies.AnyAsync(ct)) return false;
        await SeedAsync(db, services.GetRequiredService<IPasswordHasher<User>>(), ct);
        if (withPlans)
        {
            await SeedPlansAsync(db, services, ct);
            await SeedReportsAsync(db, services, ct);
            await SeedParIndexAsync(db, services, ct);
            await SeedPublicationsAsync(services, ct);
            await SeedSatisfactionAsync(db, services, ct);
            await SeedInspectionsAsync(db, services, ct);
        }
        return true;
    }

    public static async Task SeedAsync(AppDbContext db, IPasswordHasher<User> hasher, CancellationToken ct = default)
    {
        var byName = new Dictionary<string, Agency>();
        foreach (var b in Bodies)
        {
            var agency = new Agency
            {
                Name = b.Name, ShortName = b.Short, Kind = b.Kind, Level = b.Level,
                ValidFrom = b.From, ValidTo = b.To,
                Aliases = (b.Aliases ?? []).Select(a => new AgencyAlias { Text = a, Key = AliasKey.Of(a) }).ToList(),
            };
            if (b.Parent is not null) agency.Parent = byName[b.Parent];
            byName[b.Name] = agency;
            db.Agencies.Add(agency);
        }
        foreach (var g in Groups)
            db.AgencyGroups.Add(new AgencyGroup
            {
                Name = g.Name,
                MemberKinds = string.Join(",", g.Kinds),
                MemberLevel = g.Level,
                Aliases = g.Aliases.Select(a => new AgencyAlias { Text = a, Key = AliasKey.Of(a) }).ToList(),
            });
        foreach (var a in Accounts)
        {
            var user = new User
            {
                UserName = a.UserName, DisplayName = a.DisplayName, Role = a.Role,
                Agency = a.Agency is null ? null : byName[a.Agency],
            };
            user.PasswordHash = hasher.HashPassword(user, Password);
            db.Users.Add(user);
        }
        await db.SaveChangesAsync(ct);
        await ReorganiseAsync(db, ct);
    }
}
