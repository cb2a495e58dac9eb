using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Agencies;

/// <summary>Agencies as options of a select, in Vietnamese alphabetical order (the database's order is not).</summary>
public static class AgencyChoices
{
    public static readonly StringComparer Vietnamese = StringComparer.Create(new CultureInfo("vi-VN"), ignoreCase: true);

    public static async Task<List<SelectListItem>> ForSelectAsync(AppDbContext db, int? exceptId = null)
    {
        var list = await db.Agencies.AsNoTracking().Where(a => a.Id != exceptId).Select(a => new { a.Id, a.Name }).ToListAsync();
        return list.OrderBy(a => a.Name, Vietnamese).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToList();
    }
}
