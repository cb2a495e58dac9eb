namespace ParTrack.Import.Tests;

static class TestPaths
{
    /// <summary>../shared/seeds next to the repository (found by walking up from the test binaries).</summary>
    public static string SeedFolder { get; } = FindSeeds();

    public static string Seed(string prefix) =>
        Directory.GetFiles(SeedFolder, prefix + "_*.txt").Single();

    static string FindSeeds()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "seeds");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new DirectoryNotFoundException("../shared/seeds not found above " + AppContext.BaseDirectory);
    }
}
