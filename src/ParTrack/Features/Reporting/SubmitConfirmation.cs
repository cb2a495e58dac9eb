using Microsoft.AspNetCore.DataProtection;
using ParTrack.Domain.Reporting;

namespace ParTrack.Features.Reporting;

/// <summary>
/// What "Gửi báo cáo" will send, counted for the question the officer answers before the report locks
/// (issue 10: "n hoạt động đã trả lời, m chưa trả lời, k chỉ tiêu chưa có số liệu, tệp đính kèm").
/// </summary>
public sealed record SubmitSummary(int Activities, int Answered, int Targets, int TargetsWithoutValue, int Files, int Documents)
{
    public int Unanswered => Activities - Answered;

    /// <summary>A lead answers with a status; a coordinating agency with what it did or its evidence.</summary>
    public static bool IsAnswered(ReportEntry e) => e.Leads ? e.Status is not null : e.WorkDone is not null || e.Evidence.Count > 0;

    /// <param name="measures">The target measures the agency reports on (Obligations.MeasuresForAsync).</param>
    public static SubmitSummary Of(AgencyReport r, IReadOnlyCollection<Data.TargetMeasure> measures)
    {
        var answered = r.Entries.Count(IsAnswered);
        var valued = r.Actuals.Select(a => a.MeasureId).ToHashSet();
        var evidence = r.Entries.SelectMany(e => e.Evidence).ToList();
        return new SubmitSummary(r.Entries.Count, answered, measures.Count, measures.Count(m => !valued.Contains(m.Id)),
            evidence.Count(v => v.FileId is not null), evidence.Count(v => v.FileId is null));
    }
}

/// <summary>
/// The token the confirmation step hands out: it names the report, the version the officer saw counted, and the user.
/// Only a post carrying it submits, so neither a double click nor a crafted POST skips the question, and a report
/// changed after the counts were shown is asked about again (the version no longer matches).
/// </summary>
public sealed class SubmitConfirmation(IDataProtectionProvider provider)
{
    /// <summary>Long enough to read the summary and check a few rows; a token older than this asks again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    readonly ITimeLimitedDataProtector protector = provider.CreateProtector("ParTrack.Reporting.SubmitConfirmation").ToTimeLimitedDataProtector();

    public string Issue(int reportId, Guid version, string userName) => protector.Protect($"{reportId}|{version}|{userName}", Lifetime);

    /// <summary>The version confirmed, or null when the token is missing, forged, expired, or another report's or user's.</summary>
    public Guid? Read(string? token, int reportId, string userName)
    {
        if (string.IsNullOrEmpty(token)) return null;
        string text;
        try { text = protector.Unprotect(token, out _); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
        var parts = text.Split('|', 3);
        return parts.Length == 3 && parts[0] == reportId.ToString() && parts[2] == userName && Guid.TryParse(parts[1], out var v) ? v : null;
    }
}
