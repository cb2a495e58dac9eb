using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>The audit log (administrators): who changed what, when, each field old → new; CSV with the same filters.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(AppDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock) : PageModel
{
    public const int PageSize = 100;
    /// <summary>A CSV is for reading in a spreadsheet, not a backup: beyond this, narrow the filters.</summary>
    public const int CsvMaxRows = 10_000;

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public List<string> Entities { get; private set; } = [];
    public bool HasMore { get; private set; }
    public AuditReading Reading { get; private set; } = null!;

    /// <summary>The current filters, for the paging and CSV links.</summary>
    public Dictionary<string, string?> Filters => new()
    {
        ["userName"] = UserName, ["entity"] = Entity,
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"),
    };

    public async Task OnGetAsync()
    {
        Entities = await db.AuditEntries.AsNoTracking().Select(e => e.Entity).Distinct().OrderBy(e => e).ToListAsync();
        PageNumber = Math.Max(1, PageNumber);
        var page = await Filtered().OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
        Reading = await AuditReading.ForAsync(db, t, Entries);
    }

    /// <summary>The filtered log as CSV (UTF-8 with BOM for Excel): one line per changed field, newest first.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var entries = await Filtered().OrderByDescending(e => e.Id).Take(CsvMaxRows).ToListAsync();
        var reading = await AuditReading.ForAsync(db, t, entries);
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        await using (var csv = new CsvWriter(writer, CsvCells.Writing()))
        {
            foreach (var h in new[] { "Thời gian", "Người thực hiện", "Dữ liệu", "Mã", "Thao tác", "Trường", "Trước", "Sau" })
                csv.WriteField(t[h].Value);
            await csv.NextRecordAsync();
            foreach (var e in entries)
            {
                var changes = reading.Changes(e);
                foreach (var c in changes.Count == 0 ? [new AuditChange("", "", "")] : changes)
                {
                    csv.WriteField(AuditReading.Local(e.AtUtc));
                    csv.WriteField(e.UserName);
                    csv.WriteField(t[AuditReading.EntityLabel(e.Entity)].Value);
                    csv.WriteField(e.EntityId);
                    csv.WriteField(ActionLabel(e.Action));
                    csv.WriteField(c.Field);
                    csv.WriteField(c.Before);
                    csv.WriteField(c.After);
                    await csv.NextRecordAsync();
                }
            }
        }
        return File(buffer.ToArray(), "text/csv; charset=utf-8", $"nhat-ky-{clock.GetUtcNow().AddHours(7):yyyyMMdd}.csv");
    }

    IQueryable<AuditEntry> Filtered()
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(e => e.UserName == UserName.Trim().ToLower());
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(e => e.Entity == Entity);
        // Dates are the local (Vietnam) calendar days the admin picks; stored times are UTC.
        if (From is { } from) { var f = Utc(from); q = q.Where(e => e.AtUtc >= f); }
        if (To is { } to) { var u = Utc(to.AddDays(1)); q = q.Where(e => e.AtUtc < u); }
        return q;
    }

    public string ActionLabel(string action) => t[action switch
    {
        "Added" => "Thêm",
        "Modified" => "Sửa",
        "Deleted" => "Xóa",
        "Login" => "Đăng nhập",
        "Logout" => "Đăng xuất",
        "LoginFailed" => "Đăng nhập sai",
        "LoginPassword" => "Mật khẩu đúng, chờ mã xác thực",
        "LockedOut" => "Tạm khóa tài khoản",
        "Throttled" => "Tạm chặn máy gửi",
        _ => action,
    }].Value;

    static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    static DateTime Utc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Vietnam, DateTimeKind.Utc);
}
