using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Reporting;

/// <summary>
/// Evidence files outside the database: &lt;data folder&gt;/files/&lt;sha256&gt;. The type is decided by the
/// file's first bytes, never by its name, and the same content is kept once.
/// </summary>
public sealed class FileStore(AppDbContext db, DatabaseSettings dbSettings, IConfiguration config, TimeProvider clock)
{
    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    public long MaxBytes => config.GetValue("Reporting:MaxFileBytes", DefaultMaxBytes);

    /// <summary>Files live beside the SQLite database (so each database has its own), or in Storage:Files.</summary>
    public string Folder
    {
        get
        {
            if (config["Storage:Files"] is { Length: > 0 } configured) return configured;
            if (!dbSettings.IsPostgres)
            {
                var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(dbSettings.ConnectionString).DataSource;
                var dir = Path.GetDirectoryName(Path.GetFullPath(source));
                if (!string.IsNullOrEmpty(dir)) return Path.Combine(dir, "files");
            }
            return Path.Combine(Directory.GetCurrentDirectory(), "data", "files");
        }
    }

    public string PathOf(StoredFile f) => Path.Combine(Folder, f.Sha256);

    /// <summary>
    /// Checks and stores an upload; returns the file row (existing one if the content is already kept)
    /// or a Vietnamese message saying what is wrong.
    /// </summary>
    public async Task<(StoredFile? File, string? Error)> SaveAsync(Stream content, long length, CancellationToken ct = default)
    {
        if (length <= 0)
            return (null, "Tệp rỗng (0 byte). Hãy chọn đúng tệp minh chứng rồi tải lên lại.");
        if (length > MaxBytes)
            return (null, $"Tệp quá lớn ({length / 1024 / 1024} MB). Chỉ nhận tệp tối đa {MaxBytes / 1024 / 1024} MB; hãy nén hoặc chia nhỏ tệp.");

        Directory.CreateDirectory(Folder);
        // Write to a temporary file first while hashing, so a half-written file never carries a real name.
        var temp = Path.Combine(Folder, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        string hash;
        byte[] head = new byte[16];
        int headLength;
        try
        {
            await using (var output = File.Create(temp))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                long total = 0;
                headLength = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > MaxBytes)
                        return (null, $"Tệp quá lớn. Chỉ nhận tệp tối đa {MaxBytes / 1024 / 1024} MB; hãy nén hoặc chia nhỏ tệp.");
                    if (headLength < head.Length)
                    {
                        int n = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, n);
                        headLength += n;
                    }
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                if (total == 0) return (null, "Tệp rỗng (0 byte). Hãy chọn đúng tệp minh chứng rồi tải lên lại.");
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
                length = total;
            }

            var type = Sniff(head.AsSpan(0, headLength));
            if (type == "application/zip") type = OfficeType(temp);
            if (type is null)
                return (null, "Loại tệp không được chấp nhận: nội dung tệp không phải PDF, Word (DOCX), Excel (XLSX), PNG hay JPEG. " +
                              "Hãy lưu minh chứng ở một trong các định dạng này rồi tải lên lại.");

            var existing = await db.Set<StoredFile>().FirstOrDefaultAsync(f => f.Sha256 == hash, ct);
            var target = Path.Combine(Folder, hash);
            if (!File.Exists(target)) File.Move(temp, target, overwrite: true);
            if (existing is not null) return (existing, null);

            var stored = new StoredFile { Sha256 = hash, Size = length, ContentType = type, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.Set<StoredFile>().Add(stored);
            return (stored, null);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>The MIME type the content really is, from its magic bytes; null if not an accepted kind.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        // DOCX and XLSX are ZIP packages; OfficeType looks inside.
        if (head.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 })) return "application/zip";
        return null;
    }

    /// <summary>A ZIP is accepted only as a Word or Excel package (its parts say which).</summary>
    static string? OfficeType(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return DocxType;
            if (zip.GetEntry("xl/workbook.xml") is not null) return XlsxType;
            return null;
        }
        catch (InvalidDataException) { return null; }
    }

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}
