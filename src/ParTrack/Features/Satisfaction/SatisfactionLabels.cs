namespace ParTrack.Features.Satisfaction;

/// <summary>Vietnamese names (resource keys) of the feature's states and modes.</summary>
public static class SatisfactionLabels
{
    public static string Of(CampaignState s) => s switch
    {
        CampaignState.Draft => "Đang soạn",
        CampaignState.Open => "Đang nhận phiếu",
        CampaignState.Closed => "Đã kết thúc",
        _ => "Đã công bố",
    };

    public static string Of(ResponseMode m) => m switch
    {
        ResponseMode.Online => "Trực tuyến (QR, đường dẫn)",
        ResponseMode.Paper => "Phiếu giấy (cán bộ nhập)",
        _ => "Qua điện thoại",
    };
}
