using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParTrack.Features.Plans;

/// <summary>A file kept after a failed import: its name, who uploaded it and when.</summary>
public sealed record KeptUpload(string FileName, string UserName, DateTime AtUtc);

/// <summary>
/// After an error on the import page the chosen file stays chosen: a browser empties a file input on every
/// page load, so the upload is kept on the server for <see cref="Lifetime"/> under a random token that the
/// page carries in a hidden field, and shown by its name. Only the user who uploaded it can use the token.
/// Kept next to the import sessions (imports/kept/), which every instance of the app shares.
/// </summary>
public sealed partial class KeptUploads(IConfiguration config, FileStore files, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    string Dir => Path.Combine(config["Import:Directory"] is { Length: > 0 } d ? d : Path.Combine(files.Folder, "imports"), "kept");

    public async Task<string> KeepAsync(byte[] content, string fileName, string userName, CancellationToken ct = default)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await KeepAsync(stream, fileName, userName, ct);
    }

    /// <summary>Keeps a stream (an upload of a dossier export: copied to disk, never held in memory whole).</summary>
    public async Task<string> KeepAsync(Stream content, string fileName, string userName, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Dir);
        RemoveExpired();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await using (var file = File.Create(Path.Combine(Dir, token + ".bin")))
            await content.CopyToAsync(file, ct);
        var kept = new KeptUpload(Path.GetFileName(fileName), userName, clock.GetUtcNow().UtcDateTime);
        await File.WriteAllTextAsync(Path.Combine(Dir, token + ".json"), JsonSerializer.Serialize(kept), ct);
        return token;
    }

    /// <summary>The kept file's description, or null when the token is unknown, expired or another user's.</summary>
    public async Task<KeptUpload?> FindAsync(string? token, string userName, CancellationToken ct = default)
    {
        // The token comes from a form: only our own 32 hex digits ever name a file.
        if (token is null || !Token().IsMatch(token)) return null;
        var meta = Path.Combine(Dir, token + ".json");
        if (!File.Exists(meta) || !File.Exists(Path.Combine(Dir, token + ".bin"))) return null;
        var kept = JsonSerializer.Deserialize<KeptUpload>(await File.ReadAllTextAsync(meta, ct));
        if (kept is null || kept.UserName != userName || clock.GetUtcNow().UtcDateTime - kept.AtUtc > Lifetime) return null;
        return kept;
    }

    public async Task<byte[]?> ContentAsync(string token, string userName, CancellationToken ct = default) =>
        await FindAsync(token, userName, ct) is null ? null : await File.ReadAllBytesAsync(Path.Combine(Dir, token + ".bin"), ct);

    /// <summary>The kept file opened for reading (seekable), or null like <see cref="FindAsync"/>.</summary>
    public async Task<Stream?> OpenAsync(string token, string userName, CancellationToken ct = default) =>
        await FindAsync(token, userName, ct) is null ? null
            : new FileStream(Path.Combine(Dir, token + ".bin"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, useAsync: true);

    public void Forget(string? token)
    {
        if (token is null || !Token().IsMatch(token)) return;
        foreach (var ext in (string[])[".bin", ".json"])
            try { File.Delete(Path.Combine(Dir, token + ext)); } catch (IOException) { }
    }

    void RemoveExpired()
    {
        var before = clock.GetUtcNow().UtcDateTime - Lifetime;
        foreach (var path in Directory.EnumerateFiles(Dir))
            if (File.GetLastWriteTimeUtc(path) < before)
                try { File.Delete(path); } catch (IOException) { }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Token();
}
