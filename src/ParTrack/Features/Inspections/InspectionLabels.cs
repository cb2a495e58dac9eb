using ParTrack.Domain.Inspections;

namespace ParTrack.Features.Inspections;

/// <summary>Vietnamese labels of the inspection enums (their English is in the resource file, like every text).</summary>
public static class InspectionLabels
{
    public static string Of(InspectionKind k) => k switch
    {
        InspectionKind.Comprehensive => "Toàn diện",
        InspectionKind.Thematic => "Chuyên đề",
        InspectionKind.Surprise => "Đột xuất",
        _ => "Qua hồ sơ, báo cáo",
    };

    public static string Of(FindingSeverity s) => s switch
    {
        FindingSeverity.Minor => "Nhẹ",
        FindingSeverity.Moderate => "Trung bình",
        _ => "Nghiêm trọng",
    };

    public static string Of(RemedyStatus s) => s switch
    {
        RemedyStatus.Open => "Chưa khắc phục",
        RemedyStatus.Reported => "Đã báo cáo khắc phục",
        RemedyStatus.Verified => "Đã xác nhận",
        _ => "Bị trả lại",
    };

    public static string Of(TargetKind k) => k == TargetKind.Count ? "đơn vị" : "%";
}
