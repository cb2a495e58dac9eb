using ParTrack.Data;

namespace ParTrack.Features.Shared;

/// <summary>Vietnamese names of enum values; they double as localization keys (T[Labels.Of(x)]).</summary>
public static class Labels
{
    public static string Of(Role? role) => role switch
    {
        Role.Administrator => "Quản trị hệ thống",
        Role.Coordinator => "Điều phối (Sở Nội vụ)",
        Role.AgencyOfficer => "Cán bộ cơ quan",
        Role.Leader => "Lãnh đạo",
        Role.Appraiser => "Thẩm định",
        _ => "",
    };

    public static string Of(AgencyKind kind) => kind switch
    {
        AgencyKind.PeoplesCommittee => "UBND tỉnh",
        AgencyKind.Department => "Sở, ban, ngành",
        AgencyKind.CentralAgency => "Cơ quan Trung ương",
        AgencyKind.DistrictCommittee => "UBND cấp huyện",
        AgencyKind.CommuneCommittee => "UBND cấp xã",
        AgencyKind.PublicServiceUnit => "Đơn vị sự nghiệp",
        _ => "Khác",
    };

    public static string Of(AdminLevel? level) => level switch
    {
        AdminLevel.Province => "Cấp tỉnh",
        AdminLevel.District => "Cấp huyện",
        AdminLevel.Commune => "Cấp xã",
        _ => "",
    };
}
