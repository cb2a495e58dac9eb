using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.ParIndex.Rounds;

/// <summary>
/// Results of a round: table, chart, year-on-year comparison, lost points with the plan activities that
/// serve each criterion, and the XLSX/DOCX exports. Officers see it once the results are published.
/// </summary>
public sealed class ResultsModel(AppDbContext db, CurrentUser me, ParResults results) : PageModel
{
    public RoundResults R { get; private set; } = null!;

    async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.Set<ParRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        if (me.IsOfficer)
        {
            var assessed = await db.Set<ParAssessment>().AnyAsync(a => a.RoundId == id && a.AgencyId == me.AgencyId, ct);
            if (round.Stage != RoundStage.Published || !assessed) return NotFound();
        }
        R = await results.LoadAsync(round, ct);
        return null;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public static readonly string[] XlsxHeaders =
        ["Nhóm", "Xếp hạng", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Tổng điểm", "Điểm tối đa áp dụng",
         "Chỉ số (%)", "Xếp loại", "Chỉ số năm trước (%)", "Tăng/giảm (điểm %)", "Thứ hạng năm trước"];

    public async Task<IActionResult> OnGetXlsxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        var rows = R.Rows.Select(r => (IReadOnlyList<object?>)
        [
            ParLabels.Of(r.Group), r.Result.Rank, r.Name, r.Result.SelfScore, r.Result.AppraisedScore, r.Result.SurveyPoints, r.Result.Total,
            r.Result.ApplicableMax, r.Result.IndexPercent, r.Result.Class, r.PreviousIndex, r.IndexDelta, r.PreviousRank,
        ]);
        return File(ParXlsx.Write("Ket qua", $"Kết quả Chỉ số CCHC năm {R.Round.Year}", XlsxHeaders, rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"chi-so-cchc-{R.Round.Year}.xlsx");
    }

    public async Task<IActionResult> OnGetDocxAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } fail) return fail;
        return File(ParDocx.Write(R), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"phu-luc-chi-so-cchc-{R.Round.Year}.docx");
    }
}
