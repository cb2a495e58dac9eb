using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Demo;
using ParTrack.Features.Dossiers;

namespace ParTrack.Cli;

/// <summary>
/// `bench-generate … --dossiers N`: a year (2025) of about N one-stop dossiers spread over every agency, for the growth
/// benchmark's KPI page. The rows are the demo's (<see cref="DemoDossierRows"/>: seasons, online shares, lagging
/// agencies), written as the importer stores them (source "motcua", the agency's level, the deadline moved by the
/// suspended days) but in bulk, without an import record: generated rows are not anyone's import.
/// </summary>
static class GeneratedDossiers
{
    public static async Task<long> AddAsync(AppDbContext db, int count, DateTime now)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.Kind != AgencyKind.PeoplesCommittee).OrderBy(a => a.Id).ToListAsync();
        var byName = agencies.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First());
        var bulk = new BulkRows(db);
        await bulk.StartAsync(typeof(Dossier));
        var batch = new List<Dossier>();
        var written = 0L;
        foreach (var line in DemoDossierRows.Generate(agencies, count))
        {
            var r = line.Row!;
            var agency = byName[r.Agency];
            batch.Add(new Dossier
            {
                Id = bulk.NextLongId<Dossier>(), Source = "motcua", Code = r.DossierCode, ProcedureCode = r.ProcedureCode, ProcedureName = r.ProcedureName,
                Field = r.Field, AgencyId = agency.Id, Level = agency.Level, ReceivedOn = r.ReceivedAt, DueOn = r.DueAt, EffectiveDueOn = r.EffectiveDue,
                ResolvedOn = r.ResolvedAt, ReturnedOn = r.ReturnedAt, Channel = r.Channel, ServiceLevel = r.ServiceLevel, FeeRequired = r.FeeRequired,
                PaidOnline = r.PaidOnline, DigitisedInputs = r.DigitisedInputs, DigitisedResult = r.DigitisedResult, Status = r.Status,
                SuspendedDays = r.SuspendedDays, ImportedUtc = now,
            });
            if (batch.Count < 100_000) continue;
            await bulk.WriteAsync(batch);
            written += batch.Count;
            batch.Clear();
        }
        await bulk.WriteAsync(batch);
        await bulk.FinishAsync();
        return written + batch.Count;
    }
}
