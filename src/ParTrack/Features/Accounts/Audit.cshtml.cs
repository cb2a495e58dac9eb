using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>The audit log (administrators): who changed what, when, before and after.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(AppDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? UserName { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Entries { get; private set; } = [];
    public List<string> Entities { get; private set; } = [];
    public bool HasMore { get; private set; }

    public async Task OnGetAsync()
    {
        Entities = await db.AuditEntries.AsNoTracking().Select(e => e.Entity).Distinct().OrderBy(e => e).ToListAsync();
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(UserName)) q = q.Where(e => e.UserName == UserName.Trim().ToLower());
        if (!string.IsNullOrWhiteSpace(Entity)) q = q.Where(e => e.Entity == Entity);
        // Dates are the local (Vietnam) calendar days the admin picks; stored times are UTC.
        if (From is { } from) { var f = Utc(from); q = q.Where(e => e.AtUtc >= f); }
        if (To is { } to) { var t = Utc(to.AddDays(1)); q = q.Where(e => e.AtUtc < t); }
        PageNumber = Math.Max(1, PageNumber);
        var page = await q.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync();
        HasMore = page.Count > PageSize;
        Entries = page.Take(PageSize).ToList();
    }

    static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    static DateTime Utc(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Vietnam, DateTimeKind.Utc);
    /// <summary>"Field: value" lines of a before/after JSON object, for reading rather than parsing.</summary>
    public static IEnumerable<(string Field, string Value)> Lines(string? json)
    {
        if (string.IsNullOrEmpty(json)) yield break;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        foreach (var p in doc.RootElement.EnumerateObject())
            yield return (p.Name, p.Value.ValueKind switch
            {
                System.Text.Json.JsonValueKind.Null => "—",
                System.Text.Json.JsonValueKind.String => p.Value.GetString() ?? "",
                _ => p.Value.GetRawText(),
            });
    }

    public static string Local(DateTime utc) => (utc + Vietnam).ToString("dd/MM/yyyy HH:mm:ss");
}
