using System.IO.Compression;
using System.Security.Cryptography;

namespace ParTrack.Features.ParIndex;

public sealed record StoredFile(string Sha256, long Size, string ContentType, string FileName);

/// <summary>
/// Evidence files outside the database, under the data folder by SHA-256 (`Files:Folder`, default
/// ./data/files): the same file uploaded twice is stored once. The type is decided by the first bytes,
/// not by the name the browser sent.
/// </summary>
public sealed class EvidenceStore(IConfiguration config)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public string Folder
    {
        get
        {
            var folder = config["Files:Folder"];
            if (string.IsNullOrWhiteSpace(folder)) folder = Path.Combine(Directory.GetCurrentDirectory(), "data", "files");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>Stores an upload; returns the stored file or a Vietnamese reason it was refused.</summary>
    public async Task<(StoredFile? File, string? Error)> SaveAsync(IFormFile upload, CancellationToken ct = default)
    {
        var name = Path.GetFileName(upload.FileName);
        if (upload.Length == 0) return (null, $"Tệp \"{name}\" rỗng. Hãy chọn lại tệp.");
        if (upload.Length > MaxBytes) return (null, $"Tệp \"{name}\" lớn hơn 20 MB. Hãy nén hoặc tách tệp rồi tải lên lại.");
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var type = Sniff(bytes);
        if (type is null)
            return (null, $"Tệp \"{name}\" không phải PDF, DOCX, XLSX hoặc ảnh (PNG, JPEG). Hãy tải lên tài liệu ở một trong các định dạng này.");
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = Path.Combine(Folder, sha);
        if (!File.Exists(path))
        {
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, bytes, ct);
            try { File.Move(temp, path); }
            catch (IOException) { File.Delete(temp); }   // stored meanwhile by another upload of the same file
        }
        return (new StoredFile(sha, bytes.Length, type, name), null);
    }

    public string? PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(Uri.IsHexDigit)) return null;
        var path = Path.Combine(Folder, sha256);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The content type from magic bytes; for ZIP files, what the package holds (Word or Excel).</summary>
    public static string? Sniff(byte[] b)
    {
        if (b.Length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') return "application/pdf";
        if (b.Length >= 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "image/png";
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
        if (b.Length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4)
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(b), ZipArchiveMode.Read);
                if (zip.GetEntry("word/document.xml") is not null)
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                if (zip.GetEntry("xl/workbook.xml") is not null)
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }
            catch (InvalidDataException) { }
        }
        return null;
    }
}
