using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// /Dossiers/Points: the province's points table for the monthly ranking (coordinators). One line per contract rate:
/// scored or not, its 766 group, its points and how they are earned. Saving adds a version.
/// </summary>
[Authorize(Policy = Policies.Coordinator)]
public sealed class PointsModel(PointsTables tables, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>A line of the form as typed, so a refused form comes back unchanged.</summary>
    public sealed record Line(string Indicator, bool Used, string Group, string Points, ScoringMethod Method, string Bands);

    public List<Line> Lines { get; private set; } = [];
    public int BasedOn { get; private set; }
    public string? Note { get; private set; }
    public List<PointsTables.Saved> History { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var current = await tables.CurrentAsync(ct);
        BasedOn = current.Table.Number;
        Lines = [.. PointsTable.Indicators.Select(code =>
            current.Table.Items.FirstOrDefault(i => i.Indicator == code) is { } item
                ? new Line(code, true, item.Group, item.MaxPoints.ToString("0.##"), item.Method, PointsTables.BandsText(item.Bands))
                : new Line(code, false, "", "", ScoringMethod.Proportional, ""))];
        History = await tables.HistoryAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int basedOn, string? note, CancellationToken ct)
    {
        var form = Request.Form;
        Lines = [.. PointsTable.Indicators.Select(code => new Line(code, form["use_" + code] == "true",
            SafeText.Normalize(form["group_" + code].ToString())?.Trim() ?? "", form["points_" + code].ToString(),
            Enum.TryParse<ScoringMethod>(form["method_" + code], out var m) ? m : ScoringMethod.Proportional, form["bands_" + code].ToString()))];
        (BasedOn, Note) = (basedOn, note);

        var items = new List<PointsItem>();
        foreach (var line in Lines.Where(l => l.Used))
        {
            var points = PointsTables.Number(line.Points);
            if (points is null) Errors.Add($"{line.Indicator}: điểm “{line.Points}” không phải một số.");
            if (Limits.TooLong("Nhóm chỉ số", line.Group, Limits.ShortText) is { } tooLong) Errors.Add(tooLong);
            string? bandError = null;
            var bands = line.Method == ScoringMethod.Bands ? PointsTables.ParseBands(line.Bands, out bandError) : [];
            if (bands is null) Errors.Add($"{line.Indicator}: {bandError}");
            if (points is { } p && bands is not null) items.Add(new PointsItem(line.Indicator, line.Group, p, line.Method, bands));
        }
        if (Errors.Count == 0)
        {
            var saved = await tables.SaveAsync(items, SafeText.Normalize(note), basedOn, ct);
            if (saved.IsOk)
            {
                TempData["Message"] = T["Đã lưu bảng điểm phiên bản {0}.", saved.Value].Value;
                return Redirect("/Dossiers/Points");
            }
            if (saved.Errors is { } errors) Errors.AddRange(errors.Values);
            else Errors.Add(saved.Message!);
        }
        History = await tables.HistoryAsync(ct);
        return Page();
    }
}
