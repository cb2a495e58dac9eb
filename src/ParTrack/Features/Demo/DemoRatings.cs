using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Satisfaction;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>
    /// Per-dossier ratings for the demo: about 50 a month over the last six months for the survey's units, under the
    /// default scheme (9 × 2), drawn from a fixed seed with about one unit in four rated lower so the figures differ.
    /// </summary>
    static async Task SeedRatingsAsync(AppDbContext db, IReadOnlyList<int> agencies, DateOnly today, CancellationToken ct)
    {
        var random = new Random(2025);
        var scheme = RatingScheme.Default;
        var number = 0;
        for (var month = 5; month >= 0; month--)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-month);
            for (var i = 0; i < 50; i++)
            {
                var agency = agencies[random.Next(agencies.Count)];
                var weak = agency % 4 == 3;   // about one unit in four is rated lower
                var points = scheme.Criteria.Select(c => (decimal)Math.Min(c.Points, random.Next(weak ? 0 : 1, 3))).ToList();
                var total = points.Sum();
                var day = first.AddDays(random.Next(28));
                if (day > today) day = today;
                db.Add(new DossierRating
                {
                    AgencyId = agency, DossierCode = $"DEMO-DG-{++number:D5}", RatedOn = day, Points = string.Join(",", points.Select(p => p.ToString("0"))),
                    Total = total, Band = scheme.BandOf(total), Source = "upload",
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
