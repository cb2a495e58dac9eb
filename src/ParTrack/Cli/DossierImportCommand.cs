namespace ParTrack.Cli;

/// <summary>`partrack dossiers import FILE [--source NAME]`: stores a dossier file in the configured database.</summary>
public static class DossierImportCommand
{
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("Lỗi: chưa hỗ trợ.");
        return Task.FromResult(1);
    }
}
