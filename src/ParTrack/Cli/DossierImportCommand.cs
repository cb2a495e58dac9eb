using ParTrack.Data;
using ParTrack.Features.Agencies;
using ParTrack.Features.Dossiers;

namespace ParTrack.Cli;

/// <summary>
/// `partrack dossiers import FILE [--source NAME] [--Section:Key=value …]`: stores a dossier file in the configured
/// database (migrated first), streaming and in batches; re-importing the same file changes nothing. The import is
/// audited as "system". Exit codes: 0 imported (even with refused rows, listed on standard error); 1 unreadable
/// file; 2 bad arguments.
/// </summary>
public static class DossierImportCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is not [var path, .. var rest] || path.StartsWith("--"))
        {
            stderr.WriteLine(DossiersCommand.Usage);
            return 2;
        }
        var source = DossierImporter.DefaultSource;
        if (rest is ["--source", var given, ..])
        {
            source = given.Trim();
            rest = rest[2..];
            if (source.Length is 0 or > Limits.ShortText) { stderr.WriteLine($"Lỗi: --source cần một tên từ 1 đến {Limits.ShortText} ký tự."); return 2; }
        }
        if (!File.Exists(path)) { stderr.WriteLine($"Lỗi: không có tệp \"{path}\"."); return 1; }

        var builder = WebApplication.CreateBuilder(rest);
        builder.Logging.ClearProviders();
        builder.Services.AddPartrackData();
        builder.Services.AddScoped<AgencyDirectory>();
        builder.Services.AddScoped<DossierImporter>();
        builder.Services.AddScoped<DossierDays>();
        builder.Services.AddScoped<IAuditUser, SystemUser>();
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();

        ImportSummary summary;
        try
        {
            await using var stream = File.OpenRead(path);
            summary = await scope.ServiceProvider.GetRequiredService<DossierImporter>()
                .ImportAsync(DossierFile.Read(stream), source, Path.GetFileName(path));
        }
        catch (Exception e) when (DossiersCommand.IsUnreadable(e))
        {
            stderr.WriteLine($"Lỗi: {DossiersCommand.Message(e)}");
            return 1;
        }
        foreach (var line in summary.Refused) stderr.WriteLine($"Dòng {line.Line}: {line.Reason}");
        if (summary.RefusedCount > summary.Refused.Count)
            stderr.WriteLine($"… và {summary.RefusedCount - summary.Refused.Count} dòng bị từ chối khác.");
        stdout.WriteLine($"Đã nhận {summary.Taken} hồ sơ (thay thế {summary.Replaced} hồ sơ đã có), từ chối {summary.RefusedCount} dòng; nguồn \"{source}\".");
        return 0;
    }

    sealed class SystemUser : IAuditUser
    {
        public string AuditName => "system";
    }
}
