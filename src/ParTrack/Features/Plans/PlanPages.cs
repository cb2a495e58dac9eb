using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Plans;

/// <summary>Labels shown for plan values (Vietnamese; the page localizer translates them).</summary>
public static class PlanLabels
{
    public static string Of(PlanStatus s) => s switch
    {
        PlanStatus.Issued => "Đã ban hành",
        PlanStatus.Withdrawn => "Đã thu hồi",
        PlanStatus.Archived => "Đã thay thế (lưu trữ)",
        _ => "Dự thảo",
    };

    /// <summary>The badge colour of a plan status.</summary>
    public static string Badge(PlanStatus s) => s switch
    {
        PlanStatus.Issued => "text-bg-success",
        PlanStatus.Withdrawn => "text-bg-danger",
        PlanStatus.Archived => "text-bg-dark",
        _ => "text-bg-secondary",
    };

    public static string Of(ActivityStatus s) => s switch
    {
        ActivityStatus.NotStarted => "Chưa thực hiện",
        ActivityStatus.InProgress => "Đang thực hiện",
        ActivityStatus.Done => "Hoàn thành",
        ActivityStatus.DoneLate => "Hoàn thành chậm",
        _ => "Không thực hiện",
    };

    public static string DueKind(string kind) => kind switch
    {
        "by" => "Hạn chót",
        "during" => "Trong khoảng",
        "recurring" => "Định kỳ",
        "continuous" => "Thường xuyên",
        "event" => "Theo sự kiện",
        _ => "Chưa rõ",
    };

    public static string Level(string? level) => level switch
    {
        "province" => "cấp tỉnh",
        "district" => "cấp huyện",
        "commune" => "cấp xã",
        _ => "",
    };

    public static string Comparator(string c) => c switch
    {
        "atLeast" => "≥",
        "atMost" => "≤",
        "exactly" => "=",
        "reduceBy" => "giảm",
        "increaseBy" => "tăng",
        _ => c,
    };

    /// <param name="translate">the level and comparator words in the user's language (DomainText.Of); Vietnamese without it</param>
    public static string Measure(TargetMeasure m, Func<string, string>? translate = null) =>
        $"{(translate ?? (w => w))(Level(m.Level))} {(translate ?? (w => w))(Comparator(m.Comparator))} {m.Value.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))}{(m.Unit == "%" ? "%" : " " + m.Unit)}".Trim();

    public static string Kind(AgencyKind k) => k switch
    {
        AgencyKind.Department => "Sở, ban, ngành",
        AgencyKind.CentralAgency => "Cơ quan Trung ương",
        AgencyKind.DistrictCommittee => "UBND cấp huyện",
        AgencyKind.CommuneCommittee => "UBND cấp xã",
        _ => k.ToString(),
    };
}

/// <summary>Base for plan pages: loads the plan's owner once and applies the scope rules.</summary>
public abstract class PlanPageModel(AppDbContext db, CurrentUser me) : PageModel
{
    protected AppDbContext Db => db;
    protected CurrentUser Me => me;
    protected Viewer Viewer => me.ToViewer();

    /// <summary>Null when the user may see the plan; otherwise the result to return (404 hides other agencies' plans).</summary>
    protected async Task<IActionResult?> DenyViewAsync(int planId)
    {
        var (found, owner) = await PlanQueries.OwnerAsync(db, planId);
        return !found || !PlanAccess.CanView(Viewer, owner) ? NotFound() : null;
    }

    /// <summary>Null when the user may change the plan: in scope, and the plan is not withdrawn or archived (history is read-only).</summary>
    protected async Task<IActionResult?> DenyEditAsync(int planId)
    {
        var (found, owner) = await PlanQueries.OwnerAsync(db, planId);
        if (!found || !PlanAccess.CanView(Viewer, owner)) return NotFound();
        if (!PlanAccess.CanEdit(Viewer, owner)) return Forbid();
        var status = await db.Plans.Where(p => p.Id == planId).Select(p => p.Status).FirstAsync();
        return PlanLifecycle.IsFollowed(status) ? null : Forbid();
    }

    protected void AddErrors<T>(Outcome<T> outcome, string prefix = "") => ModelState.AddOutcome(outcome, prefix);

    /// <summary>Agencies and groups for "resolve this name" selects: values "a:ID" and "g:ID".</summary>
    public static async Task<List<SelectListItem>> BodyOptionsAsync(AppDbContext db)
    {
        var groups = new SelectListGroup { Name = "Nhóm cơ quan" };
        var agencies = new SelectListGroup { Name = "Cơ quan" };
        var items = new List<SelectListItem>();
        items.AddRange((await db.AgencyGroups.AsNoTracking().OrderBy(g => g.Name).ToListAsync())
            .Select(g => new SelectListItem(g.Name, $"g:{g.Id}") { Group = groups }));
        items.AddRange((await db.Agencies.AsNoTracking().OrderBy(a => a.Level).ThenBy(a => a.Name).ToListAsync())
            .Select(a => new SelectListItem(a.ValidTo is null ? a.Name : $"{a.Name} (đến {a.ValidTo:dd/MM/yyyy})", $"a:{a.Id}") { Group = agencies }));
        return items;
    }

    public static (int? AgencyId, int? GroupId) ParseBody(string? value) =>
        value is { Length: > 2 } && int.TryParse(value[2..], out var id)
            ? value[0] == 'a' ? (id, null) : value[0] == 'g' ? (null, id) : (null, null)
            : (null, null);
}
