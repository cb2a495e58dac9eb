using ParTrack.Domain.Kpis;

namespace ParTrack.Features.Dossiers;

/// <summary>
/// KPIs straight from a file, no database (`partrack dossiers kpis`): one pass, memory per distinct agency name
/// only. Agencies are listed as written in the file, sorted by name (ordinal, so the order is the same on every
/// machine), each with its refused rows left out.
/// </summary>
public sealed class FileKpis
{
    private readonly KpiWindow _window;
    private readonly Dictionary<string, KpiCounts> _agencies = new(StringComparer.Ordinal);
    private KpiCounts _province = KpiCounts.Zero;

    public FileKpis(KpiWindow window) => _window = window;

    public List<DossierLine> Refused { get; } = [];
    public long Taken { get; private set; }

    /// <summary>Refused lines beyond this are counted, not kept, so a wholly wrong file cannot fill the memory.</summary>
    public const int KeptRefusals = 1000;
    public long RefusedCount { get; private set; }

    public void Add(DossierLine line)
    {
        if (line.Row is not { } row)
        {
            RefusedCount++;
            if (Refused.Count < KeptRefusals) Refused.Add(line);
            return;
        }
        Taken++;
        var counts = KpiCounts.Of(row, _window);
        _province += counts;
        _agencies[row.Agency] = _agencies.TryGetValue(row.Agency, out var sum) ? sum + counts : counts;
    }

    public KpiReport Report() => KpiReport.Of(_window, _province,
        _agencies.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => AgencyKpiFigures.Of(a.Key, null, a.Value)));

    public static KpiReport Compute(IEnumerable<DossierLine> lines, KpiWindow window, out FileKpis kpis)
    {
        kpis = new FileKpis(window);
        foreach (var line in lines) kpis.Add(line);
        return kpis.Report();
    }
}
