using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Complaints;

public sealed record ComplaintRow(int Id, int AgencyId, string Title, DateOnly ReceivedOn);

/// <summary>The complaints the user may see (their agency's, or all for the province's staff).</summary>
public sealed class ComplaintList(AppDbContext db, CurrentUser me)
{
    public async Task<IReadOnlyList<ComplaintRow>> VisibleAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<Complaint>().AsNoTracking().OrderByDescending(c => c.ReceivedOn)
            .Select(c => new ComplaintRow(c.Id, c.AgencyId, c.Title, c.ReceivedOn)).ToListAsync(ct);
        return rows.Where(r => me.Scope.CanSeeAgency(r.AgencyId)).ToList();
    }
}

public static class ComplaintsSetup
{
    public static IServiceCollection AddComplaints(this IServiceCollection services) => services.AddScoped<ComplaintList>();

    public static void MapComplaintsApi(this WebApplication app)
    {
        var api = app.MapApiGroup("/api/complaints", "Complaints");
        api.MapGet("/", async (ComplaintList list, CancellationToken ct) => Results.Ok(await list.VisibleAsync(ct)))
            .WithSummary("Khiếu nại mà người dùng được xem").Produces<List<ComplaintRow>>();
    }
}
