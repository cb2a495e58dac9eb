using ParTrack.Data;

namespace ParTrack.Tests.Plans;

/// <summary>A tiny registry: a few Hà Tĩnh bodies and the two groups the fixture names.</summary>
public sealed class Registry
{
    public Agency HomeAffairs = null!, Ict = null!, Office = null!, CanLoc = null!, DongLoc = null!, Tax = null!;
    public AgencyGroup Departments = null!, Districts = null!;

    public static Registry Seed(AppDbContext db)
    {
        var r = new Registry
        {
            HomeAffairs = new Agency { Name = "Sở Nội vụ", Kind = AgencyKind.Department, Level = AdminLevel.Province },
            Ict = new Agency { Name = "Sở Thông tin và Truyền thông", ShortName = "Sở TTTT", Kind = AgencyKind.Department, Level = AdminLevel.Province },
            Office = new Agency { Name = "Văn phòng UBND tỉnh", Kind = AgencyKind.Department, Level = AdminLevel.Province },
            DongLoc = new Agency { Name = "UBND xã Đồng Lộc", Kind = AgencyKind.CommuneCommittee, Level = AdminLevel.Commune },
            Tax = new Agency { Name = "Thuế tỉnh Hà Tĩnh", Kind = AgencyKind.CentralAgency, Level = AdminLevel.Province },
            Departments = new AgencyGroup { Name = "Các sở, ban, ngành cấp tỉnh", MemberKinds = "Department", MemberLevel = AdminLevel.Province },
            Districts = new AgencyGroup { Name = "UBND cấp huyện", MemberKinds = "DistrictCommittee" },
        };
        // Can Lộc district was dissolved in the 2025 reorganisation; its work follows Đồng Lộc commune.
        r.CanLoc = new Agency { Name = "UBND huyện Can Lộc", Kind = AgencyKind.DistrictCommittee, Level = AdminLevel.District, Successor = r.DongLoc, ValidTo = new DateOnly(2025, 6, 30) };
        db.AddRange(r.HomeAffairs, r.Ict, r.Office, r.DongLoc, r.Tax, r.CanLoc, r.Departments, r.Districts);
        db.SaveChanges();
        return r;
    }
}
