using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Dossiers;

namespace ParTrack.Features.Demo;

/// <summary>
/// A deterministic year (2025) of one-stop dossiers for the demo agencies, generated row by row (constant memory):
/// seasonal (the Tết holiday in late January and February is quiet, spring and autumn busy, Sundays closed), online
/// and digitised shares rising through the year, and a few agencies lagging (more late dossiers, fewer online). Each
/// day's dossiers go to the bodies valid that day, so a department merged on 01/03/2025 receives none after it and its
/// successor takes over, and the districts stop on 30/06/2025.
/// </summary>
public static class DemoDossierRows
{
    static readonly DateOnly First = new(2025, 1, 1), Last = new(2025, 12, 31);

    /// <summary>The agencies that lag behind the others (the early warning's "agencies that pull it down").</summary>
    public static readonly IReadOnlySet<string> Lagging = new HashSet<string>
    {
        "Sở Xây dựng", "UBND huyện Hương Khê", "UBND xã Xuân Giang", "Sở Nông nghiệp và Môi trường",
    };

    // Busy months weigh more; Tết (late Jan to mid Feb 2025) less.
    static readonly double[] Season = [0.8, 0.55, 1.1, 1.15, 1.1, 1.0, 0.9, 0.95, 1.1, 1.15, 1.1, 0.95];

    static readonly (string Code, string Name, string Field, int Days, bool Fee)[] Procedures =
    [
        ("1.001766", "Cấp Phiếu lý lịch tư pháp", "Lý lịch tư pháp", 10, true),
        ("2.000889", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 1, true),
        ("1.004227", "Đăng ký khai sinh", "Hộ tịch", 1, false),
        ("1.009994", "Cấp giấy phép xây dựng", "Hoạt động xây dựng", 15, true),
        ("2.001253", "Đăng ký thành lập doanh nghiệp", "Thành lập và hoạt động doanh nghiệp", 3, true),
        ("1.003596", "Chứng thực bản sao từ bản chính", "Chứng thực", 1, true),
        ("1.012345", "Xác nhận tình trạng hôn nhân", "Hộ tịch", 3, false),
        ("1.004492", "Đăng ký biến động đất đai", "Đất đai", 10, true),
    ];

    public static IEnumerable<DossierLine> Generate(IReadOnlyList<Agency> agencies, int count)
    {
        var random = new Random(2025);
        double Weight(Agency a) => a.Kind switch { AgencyKind.DistrictCommittee => 2.0, AgencyKind.CommuneCommittee => 0.8, _ => 1.0 };
        static double DayWeight(DateOnly d) => d.DayOfWeek switch { DayOfWeek.Sunday => 0, DayOfWeek.Saturday => 0.3, _ => 1 } * Season[d.Month - 1];

        // Scale so the year adds up to about `count`.
        var total = 0.0;
        for (var d = First; d <= Last; d = d.AddDays(1))
            total += DayWeight(d) * agencies.Where(a => a.IsCurrent(d)).Sum(Weight);
        var scale = total == 0 ? 0 : count / total;

        var line = 0;
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            var progress = (day.DayOfYear - 1) / 365.0;   // 0 in January, ~1 in December: the year's improvement
            foreach (var agency in agencies.Where(a => a.IsCurrent(day)))
            {
                var expected = DayWeight(day) * Weight(agency) * scale;
                var n = (int)expected + (random.NextDouble() < expected - (int)expected ? 1 : 0);
                var lagging = Lagging.Contains(agency.Name);
                for (var i = 0; i < n; i++)
                {
                    line++;
                    yield return new DossierLine(line, Row(random, agency, day, line, progress, lagging), null);
                }
            }
        }
    }

    static DossierRow Row(Random random, Agency agency, DateOnly received, int number, double progress, bool lagging)
    {
        var p = Procedures[random.Next(Procedures.Length)];
        var due = received.AddDays(p.Days + (p.Days > 1 ? 2 : 0));   // working days, roughly
        var online = random.NextDouble() < (lagging ? 0.30 : 0.45) + 0.25 * progress;
        var lateChance = lagging ? 0.14 - 0.04 * progress : 0.04 - 0.02 * progress;
        var late = random.NextDouble() < lateChance;
        var suspended = random.NextDouble() < 0.03 ? random.Next(1, 10) : 0;
        var took = late ? p.Days + 3 + suspended + random.Next(1, 12) : Math.Max(0, p.Days - random.Next(0, Math.Max(1, p.Days)));
        DateOnly? resolved = received.AddDays(took);
        var roll = random.NextDouble();
        var status = roll < 0.01 ? DossierStatus.Withdrawn : roll < 0.03 ? DossierStatus.Returned : DossierStatus.Resolved;
        if (status != DossierStatus.Resolved) resolved = null;
        else if (resolved > Last) (status, resolved) = (DossierStatus.InProgress, null);   // still open at the data's end
        var fee = p.Fee;
        return new DossierRow(
            DossierCode: $"HT-{received:yyyyMMdd}-{number:D7}", ProcedureCode: p.Code, ProcedureName: p.Name, Field: p.Field,
            Agency: agency.Name, Level: null, ReceivedAt: received, DueAt: due, ResolvedAt: resolved, ReturnedAt: resolved?.AddDays(1),
            Channel: online ? Channel.Online : random.NextDouble() < 0.05 ? Channel.Post : Channel.InPerson,
            ServiceLevel: online && random.NextDouble() < 0.55 ? ServiceLevel.Full : ServiceLevel.Partial,
            FeeRequired: fee, PaidOnline: fee && online && random.NextDouble() < 0.5 + 0.3 * progress,
            DigitisedInputs: random.NextDouble() < (lagging ? 0.55 : 0.7) + 0.2 * progress,
            DigitisedResult: random.NextDouble() < (lagging ? 0.6 : 0.75) + 0.2 * progress,
            Status: status, SuspendedDays: suspended);
    }
}
