using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>
/// "par-index": a published PAR Index round's ranking, classes and the comparison with the year before, as the
/// round's results page computes them (ParResults). Rounds not yet published are never offered. Key: the year.
/// </summary>
public sealed class ParIndexDataset(AppDbContext db, ParResults results) : IPublicDataset
{
    public string Kind => "par-index";
    public string Title => "Kết quả Chỉ số cải cách hành chính (Chỉ số CCHC)";

    static readonly PublicColumn[] Columns =
    [
        new("year", "integer", "Năm", "Năm đánh giá."),
        new("group", "string", "Nhóm", "Nhóm đơn vị được xếp hạng cùng nhau."),
        new("rank", "integer", "Xếp hạng", "Thứ hạng trong nhóm."),
        new("agency_code", "string", "Mã đơn vị", "Mã của đơn vị trong danh mục cơ quan của tỉnh (không đổi giữa các năm)."),
        new("name", "string", "Đơn vị", "Tên đơn vị."),
        new("index_percent", "number", "Chỉ số (%)", "Tổng điểm / điểm tối đa áp dụng × 100."),
        new("class", "string", "Xếp loại", "Xếp loại theo chỉ số (A, B, C, D)."),
        new("total_points", "number", "Tổng điểm", "Điểm thẩm định cộng điểm điều tra xã hội học."),
        new("max_points", "number", "Điểm tối đa", "Điểm tối đa của các tiêu chí áp dụng cho đơn vị."),
        new("previous_index_percent", "number", "Chỉ số năm trước (%)", "Chỉ số của đơn vị ở đợt công bố năm trước, nếu có."),
        new("previous_rank", "integer", "Xếp hạng năm trước", "Thứ hạng năm trước trong cùng nhóm, nếu có."),
        new("index_change", "number", "Thay đổi chỉ số", "Chỉ số năm nay trừ chỉ số năm trước (điểm phần trăm)."),
        new("rank_change", "integer", "Thay đổi thứ hạng", "Số bậc tăng (dương) hoặc giảm (âm) so với năm trước."),
    ];

    public async Task<IReadOnlyList<PublicDatasetItem>> ItemsAsync(CancellationToken ct)
    {
        var rounds = await db.Set<ParRound>().AsNoTracking().Where(r => r.Stage == RoundStage.Published)
            .OrderByDescending(r => r.Year).ThenByDescending(r => r.Id).ToListAsync(ct);
        return rounds.GroupBy(r => r.Year).Select(g => g.First())
            .Select(r => new PublicDatasetItem(Key(r), r.Title, new DateOnly(r.Year, 12, 31))).ToList();
    }

    static string Key(ParRound r) => r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<PublicTable?> ReadAsync(string key, CancellationToken ct)
    {
        if (!int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)) return null;
        var round = await db.Set<ParRound>().AsNoTracking().Where(r => r.Year == year && r.Stage == RoundStage.Published)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (round is null) return null;
        var loaded = await results.LoadAsync(round, ct);
        var rows = loaded.Rows.Select(r => (IReadOnlyList<object?>)[year, ParLabels.Of(r.Group), r.Result.Rank,
            r.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name, r.Result.IndexPercent, r.Result.Class,
            r.Result.Total, r.Result.ApplicableMax, r.PreviousIndex, r.PreviousRank, r.IndexDelta, r.RankChange]).ToList();
        return new PublicTable(Title, Columns, rows);
    }
}
