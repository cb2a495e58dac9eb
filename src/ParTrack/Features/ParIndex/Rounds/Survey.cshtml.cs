using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex.Rounds;

/// <summary>Survey points per unit (typed in or imported from XLSX), or the round without surveys.</summary>
[Authorize(Policy = Policies.Coordinator)]
[IgnoreAntiforgeryToken, UploadSizeGuard, RequestSizeLimit(UploadLimits.RequestBytes), RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class SurveyModel(AppDbContext db) : PageModel
{
    // A post over the upload limit: the page with the message, no handler (see UploadLimits).
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        UploadLimits.RefuseOrContinueAsync(this, context, next,
            () => OnGetAsync(int.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : 0, HttpContext.RequestAborted), Errors.Add);

    public sealed record GroupTable(ParUnitGroup Group, CriteriaSet Set, IReadOnlyList<ParSubCriterion> Subs, IReadOnlyList<ParAssessment> Units);

    public ParRound Round { get; private set; } = null!;
    public List<GroupTable> Groups { get; private set; } = [];
    public List<string> Errors { get; } = [];

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.Set<ParRound>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return false;
        Round = round;
        var units = await db.Set<ParAssessment>().Where(a => a.RoundId == id)
            .Include(a => a.Agency).Include(a => a.Scores).Include(a => a.Set).AsSplitQuery().ToListAsync(ct);
        units.ForEach(u => u.Round = round);
        Groups = units.GroupBy(u => u.Group).OrderBy(g => g.Key).Select(g =>
        {
            var set = CriteriaSets.Parse(g.First().Set!);
            return new GroupTable(g.Key, set, set.Flatten().Where(i => i.Sub.IsSurvey).Select(i => i.Sub).ToList(),
                g.OrderBy(u => u.Agency!.Name, StringComparer.Ordinal).ToList());
        }).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public static string Field(int assessmentId, string code) => $"s_{assessmentId}_{code}";

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        foreach (var g in Groups)
            foreach (var u in g.Units)
                Errors.AddRange(ParAssessments.SetSurvey(u, g.Set, g.Subs.ToDictionary(s => s.Code, s => (string?)Request.Form[Field(u.Id, s.Code)].ToString())));
        return await SaveAsync(id, "Đã lưu điểm điều tra xã hội học.", ct);
    }

    public async Task<IActionResult> OnPostIncludedAsync(int id, bool included, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Round.Stage == RoundStage.Published) Errors.Add("Kết quả đã công bố; không thể thay đổi cách tính.");
        else Round.SurveyIncluded = included;
        return await SaveAsync(id, included ? "Chỉ số tính cả điểm điều tra xã hội học." : "Chỉ số tính trên phần điểm còn lại (không có điều tra xã hội học).", ct);
    }

    /// <summary>XLSX with one row per unit: the assessment number, the unit, then one column per survey code (the header row).</summary>
    public async Task<IActionResult> OnGetTemplateAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var codes = Groups.SelectMany(g => g.Subs.Select(s => s.Code)).Distinct().ToList();
        var rows = Groups.SelectMany(g => g.Units).Select(u => (IReadOnlyList<object?>)
            [u.Id, u.Agency!.Name, .. codes.Select(c => (object?)u.Scores.FirstOrDefault(s => s.Code == c)?.SurveyPoints)]);
        return File(ParXlsx.Write("Dieu tra XHH", $"Điểm điều tra xã hội học – {Round.Title}", ["Mã", "Đơn vị", .. codes], rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"diem-dieu-tra-{Round.Year}.xlsx");
    }

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (file is null || file.Length == 0) { Errors.Add("Hãy chọn tệp XLSX điểm điều tra (tải mẫu ở nút \"Tải mẫu XLSX\")."); return Page(); }
        IReadOnlyList<IReadOnlyList<string>> rows;
        try
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, ct);
            rows = ParXlsx.Read(copy.ToArray());
        }
        catch (ParTrack.Import.ImportException e)
        {
            Errors.Add($"Không đọc được tệp: {e.Message} Hãy dùng tệp mẫu tải từ trang này.");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (rows.Count < 2) { Errors.Add("Bảng tính không có dòng tiêu đề (dòng 2: Mã, Đơn vị, mã tiêu chí)."); return Page(); }
        var header = rows[1];
        var byId = Groups.SelectMany(g => g.Units.Select(u => (g, u))).ToDictionary(x => x.u.Id.ToString(), x => x);
        foreach (var (row, n) in rows.Select((r, i) => (r, i + 1)).Skip(2))
        {
            if (row.Count == 0 || row[0] == "") continue;
            if (!byId.TryGetValue(row[0], out var target)) { Errors.Add($"Dòng {n}: mã \"{row[0]}\" không thuộc đợt đánh giá này."); continue; }
            var values = new Dictionary<string, string?>();
            for (int c = 2; c < header.Count; c++) values[header[c]] = c < row.Count ? row[c] : null;
            Errors.AddRange(ParAssessments.SetSurvey(target.u, target.g.Set, values));
        }
        return await SaveAsync(id, "Đã nhập điểm điều tra xã hội học từ tệp.", ct);
    }

    async Task<IActionResult> SaveAsync(int id, string done, CancellationToken ct)
    {
        if (Errors.Count > 0) { Response.StatusCode = StatusCodes.Status422UnprocessableEntity; return Page(); }
        await db.SaveChangesAsync(ct);
        this.SetMessage(done);
        return Redirect($"/ParIndex/Rounds/{id}/Survey");
    }
}
