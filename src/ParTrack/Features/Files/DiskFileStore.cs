using ParTrack.Data;

namespace ParTrack.Features;

/// <summary>Files in a folder, &lt;folder&gt;/&lt;sha256&gt;. Several instances share it only if the folder is shared (NFS, a volume).</summary>
public sealed class DiskFileStore : FileStore
{
    public DiskFileStore(string folder) : base(folder) { }

    public DiskFileStore(IConfiguration config, DatabaseSettings dbSettings) : this(FolderFrom(config, dbSettings)) { }

    public override string? PathOf(string sha256)
    {
        if (!IsHash(sha256)) return null;
        var path = Path.Combine(Folder, sha256);
        return File.Exists(path) ? path : null;
    }

    public override Task<bool> DeleteAsync(string sha256, CancellationToken ct = default)
    {
        if (PathOf(sha256) is not { } path) return Task.FromResult(false);
        File.Delete(path);
        return Task.FromResult(true);
    }

    protected override Task KeepAsync(string sha256, string checkedFile, CancellationToken ct)
    {
        var target = Path.Combine(Folder, sha256);
        if (!File.Exists(target))
        {
            try { File.Move(checkedFile, target); }
            catch (IOException) when (File.Exists(target)) { }   // kept meanwhile by another upload of the same file
        }
        return Task.CompletedTask;
    }
}
