using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Kpis;
using ParTrack.Features.Accounts;
using ParTrack.Features.Agencies;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Dossiers;

/// <summary>An uploaded export waiting for its mapping, preview and import: its token, name and header row.</summary>
public sealed record DossierUpload(string Token, string FileName, IReadOnlyList<string> Header);

/// <summary>A preview line: the row as it will be read (or why it will be refused).</summary>
public sealed record PreviewLine(int Line, DossierRow? Row, string? Reason);

/// <summary>
/// The upload page's steps (docs/kpis.md, "Upload"): the file is kept on the server (<see cref="KeptUploads"/>, like a
/// plan import's) until it is imported, so the mapping and preview steps read it again instead of asking for it; each
/// source's column mapping is saved in <see cref="DossierSource"/> and used for its next export.
/// </summary>
public sealed class DossierUploads(AppDbContext db, KeptUploads kept, CurrentUser me, AgencyDirectory directory)
{
    /// <summary>Like every upload of the app (and POST /api/dossiers): ~100,000 rows. Larger exports: the command line.</summary>
    public const long MaxBytes = FileStore.MaxBytes;
    public const int PreviewRows = 10;

    public const string TooLargeMessage = "Tệp lớn hơn 20 MB (khoảng 100.000 hồ sơ). Chưa có gì được nhập. Hãy xuất theo từng tháng, " +
                                          "hoặc nhập tệp lớn bằng lệnh partrack dossiers import.";

    /// <summary>Keeps the file if its header can be read; otherwise says why (nothing is kept, nothing imported).</summary>
    public async Task<Outcome<DossierUpload>> KeepAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        if (content.Length == 0) return Outcome<DossierUpload>.Invalid("file", "Tệp trống. Hãy chọn tệp CSV hoặc Excel (.xlsx) xuất từ hệ thống một cửa.");
        if (content.Length > MaxBytes) return Outcome<DossierUpload>.Invalid("file", TooLargeMessage);
        var token = await kept.KeepAsync(content, fileName, me.UserName, ct);
        var upload = await FindAsync(token, ct);
        if (upload is { Header.Count: > 0 }) return Outcome<DossierUpload>.Ok(upload);
        kept.Forget(token);
        return Outcome<DossierUpload>.Invalid("file", upload is null ? Unreadable : "Tệp không có dòng tiêu đề (tên các cột) ở dòng đầu.");
    }

    const string Unreadable = "Không đọc được tệp: hãy dùng CSV (UTF-8, phân cách bằng dấu phẩy) hoặc Excel .xlsx, dòng đầu là tên các cột.";

    /// <summary>The kept upload of this user, with its header row; null when unknown, expired or unreadable.</summary>
    public async Task<DossierUpload?> FindAsync(string? token, CancellationToken ct = default)
    {
        if (await kept.FindAsync(token, me.UserName, ct) is not { } file) return null;
        await using var stream = await kept.OpenAsync(token!, me.UserName, ct);
        if (stream is null) return null;
        try
        {
            return new DossierUpload(token!, file.FileName, DossierFile.Header(stream));
        }
        catch (Exception e) when (Cli.DossiersCommand.IsUnreadable(e))
        {
            return null;
        }
    }

    /// <summary>Opens the kept file for reading (the caller disposes it), or null.</summary>
    public Task<Stream?> OpenAsync(string token, CancellationToken ct = default) => kept.OpenAsync(token, me.UserName, ct);

    /// <summary>The kept file is imported: it is not needed any more.</summary>
    public void Forget(string token) => kept.Forget(token);

    /// <summary>The saved mapping of a source (header key → contract column), empty when it has none.</summary>
    public async Task<Dictionary<string, string>> MappingAsync(string source, CancellationToken ct = default)
    {
        var json = await db.Set<DossierSource>().AsNoTracking().Where(s => s.Name == source).Select(s => s.MappingJson).FirstOrDefaultAsync(ct);
        return Mapping(json);
    }

    public static Dictionary<string, string> Mapping(string? json)
    {
        try
        {
            var read = json is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(json);
            return read?.Where(m => DossierColumns.All.Contains(m.Value)).ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal)
                ?? new(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new(StringComparer.Ordinal);   // a damaged mapping is asked for again, not a crash
        }
    }

    /// <summary>The names of the sources seen so far (saved mappings and earlier imports), for the page's choices.</summary>
    public async Task<List<string>> SourcesAsync(CancellationToken ct = default) =>
        [.. (await db.Set<DossierSource>().AsNoTracking().Select(s => s.Name)
            .Union(db.Set<DossierImport>().AsNoTracking().Select(i => i.Source)).ToListAsync(ct))
            .Append(DossierImporter.DefaultSource).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Saves a source's mapping (contract column → the header it is read from). Every required column needs a header,
    /// and a header serves one column. Audited (DossierSource is an entity); two saves at once: the later wins.
    /// </summary>
    public async Task<Outcome<bool>> SaveMappingAsync(string source, IReadOnlyList<string> header, IReadOnlyDictionary<string, int> chosen,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        foreach (var column in DossierColumns.Required.Where(c => !chosen.ContainsKey(c)))
            errors[column] = $"Chọn cột của tệp cho {column} (bắt buộc).";
        foreach (var twice in chosen.Where(c => c.Value < 0 || c.Value >= header.Count))
            errors[twice.Key] = $"Cột đã chọn cho {twice.Key} không có trong tệp.";
        foreach (var twice in chosen.GroupBy(c => c.Value).Where(g => g.Count() > 1))
            errors[twice.Last().Key] = $"Cột “{header[twice.Key]}” đã được chọn cho {twice.First().Key}; mỗi cột của tệp chỉ dùng cho một mục.";
        if (errors.Count > 0) return Outcome<bool>.Invalid(errors);

        var mapping = chosen.ToDictionary(c => DossierColumns.Key(header[c.Value]), c => c.Key, StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(mapping);
        if (json.Length > Limits.Text) return Outcome<bool>.Invalid("mapping", "Tên các cột của tệp quá dài để lưu cách ghép cột.");
        var row = await db.Set<DossierSource>().FirstOrDefaultAsync(s => s.Name == source, ct);
        if (row is null) db.Add(row = new DossierSource { Name = source });
        row.MappingJson = json;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another coordinator saved this source at the same moment: theirs stands, this one is asked again.
            db.ChangeTracker.Clear();
            return Outcome<bool>.Invalid("mapping", "Cách ghép cột của nguồn này vừa được người khác lưu. Hãy xem lại rồi lưu lần nữa.");
        }
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The file's columns read through <paramref name="mapping"/>, or null when a required column is still unmapped.</summary>
    public static DossierColumns? Columns(IReadOnlyList<string> header, IReadOnlyDictionary<string, string> mapping) =>
        DossierColumns.From(header, mapping, out _);

    /// <summary>The first rows as the import will read them, agencies checked against the registry too.</summary>
    public async Task<List<PreviewLine>> PreviewAsync(string token, IReadOnlyDictionary<string, string> mapping, CancellationToken ct = default)
    {
        await using var stream = await kept.OpenAsync(token, me.UserName, ct);
        if (stream is null) return [];
        var resolve = await directory.ResolverAsync(ct);
        var lines = new List<PreviewLine>();
        foreach (var line in DossierFile.Read(stream, mapping).Take(PreviewRows))
        {
            var reason = line.Reason;
            if (line.Row is { } row && resolve(row.Agency) is not { AgencyId: not null })
                reason = $"\"{row.Agency}\" không phải một cơ quan trong danh mục (tên, tên viết tắt hoặc tên khác).";
            lines.Add(new PreviewLine(line.Line, line.Row, reason));
        }
        return lines;
    }
}
