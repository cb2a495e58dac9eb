using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features;

/// <summary>
/// One part of a file kept in the database: parts of <see cref="DatabaseFileStore.PartBytes"/> bytes, so reading a
/// file never holds more than one part in memory and no row nears a provider's limit (bytea, BLOB).
/// </summary>
public sealed class FileBlobPart
{
    public string Sha256 { get; set; } = "";
    public int Part { get; set; }
    public byte[] Data { get; set; } = [];
}

sealed class FileBlobPartConfig : IEntityTypeConfiguration<FileBlobPart>
{
    public void Configure(EntityTypeBuilder<FileBlobPart> b)
    {
        b.ToTable("FileBlobParts");
        b.HasKey(p => new { p.Sha256, p.Part });
        b.Property(p => p.Sha256).HasMaxLength(64);
    }
}

/// <summary>
/// Files in the database (Files:Store=Database), for several instances without a shared folder. Files are served
/// from a local copy (&lt;folder&gt;/cache/&lt;sha256&gt;) made on first use: content never changes under its hash, so a
/// copy is never stale. The size limit is <see cref="FileStore.MaxBytes"/>, checked before anything is written.
/// </summary>
public sealed class DatabaseFileStore(string folder, IServiceScopeFactory scopes) : FileStore(folder)
{
    public const int PartBytes = 1024 * 1024;

    public DatabaseFileStore(IConfiguration config, DatabaseSettings dbSettings, IServiceScopeFactory scopes)
        : this(FolderFrom(config, dbSettings), scopes) { }

    string Cache => Directory.CreateDirectory(Path.Combine(Folder, "cache")).FullName;

    public override string? PathOf(string sha256)
    {
        if (!IsHash(sha256)) return null;
        var path = Path.Combine(Cache, sha256);
        if (File.Exists(path)) return path;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Written under a temporary name, so a request reading at the same moment never sees half a file.
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var parts = 0;
        using (var output = File.Create(temp))
            foreach (var data in db.Set<FileBlobPart>().AsNoTracking().Where(p => p.Sha256 == sha256).OrderBy(p => p.Part).Select(p => p.Data))
            {
                output.Write(data);
                parts++;
            }
        if (parts == 0)
        {
            File.Delete(temp);
            return null;
        }
        File.Move(temp, path, overwrite: true);
        return path;
    }

    public override async Task<bool> DeleteAsync(string sha256, CancellationToken ct = default)
    {
        if (!IsHash(sha256)) return false;
        File.Delete(Path.Combine(Cache, sha256));
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<FileBlobPart>().Where(p => p.Sha256 == sha256).ExecuteDeleteAsync(ct) > 0;
    }

    protected override async Task KeepAsync(string sha256, string checkedFile, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await ExistsAsync(db, sha256, ct)) return;
        // All parts in one save (one transaction): a file is there whole or not at all. At most MaxBytes in memory.
        await using (var input = File.OpenRead(checkedFile))
        {
            var buffer = new byte[PartBytes];
            for (var part = 0; ; part++)
            {
                var read = await input.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                if (read == 0) break;
                db.Add(new FileBlobPart { Sha256 = sha256, Part = part, Data = buffer[..read] });
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same content kept by another upload (or instance) at the same moment is the same file.
            db.ChangeTracker.Clear();
            if (!await ExistsAsync(db, sha256, ct)) throw;
        }
    }

    static Task<bool> ExistsAsync(AppDbContext db, string sha256, CancellationToken ct) =>
        db.Set<FileBlobPart>().AnyAsync(p => p.Sha256 == sha256 && p.Part == 0, ct);
}
