using System.IO.Compression;
using System.Security.Cryptography;
using ParTrack.Data;
using ParTrack.Features.Shared;

// In the parent namespace of every feature, so Reporting and ParIndex both see it without a using.
namespace ParTrack.Features;

/// <summary>A file kept by <see cref="FileStore"/>: its content hash, size, real type and the name it was uploaded with.</summary>
public sealed record SavedFile(string Sha256, long Size, string ContentType, string FileName);

/// <summary>
/// The one store of evidence files (progress reports, PAR Index, inspections), kept by content: the same content is
/// kept once, under its SHA-256. The type is decided by the file's first bytes (and, for a ZIP, the parts inside),
/// never by its name. Where the bytes live is the implementation's: <see cref="DiskFileStore"/> (a folder, shared
/// by every instance) or <see cref="DatabaseFileStore"/> (the database, for instances without a shared folder),
/// chosen by the setting Files:Store (docs/deployment.md). Callers see only this class.
/// </summary>
public abstract class FileStore
{
    /// <summary>The one size limit for an evidence file; upload pages allow a little more for the form around it.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public const string PdfType = "application/pdf";
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    readonly string folder;

    /// <param name="folder">The local folder: the disk store's files; for every store, uploads in progress and plan imports waiting for their preview.</param>
    protected FileStore(string folder) => this.folder = folder;

    /// <summary>The folder of Storage:Files ("Files:Folder" is the old PAR Index name of the same setting).</summary>
    public static string FolderFrom(IConfiguration config, DatabaseSettings dbSettings)
    {
        var configured = config["Storage:Files"] is { Length: > 0 } s ? s : config["Files:Folder"];
        return configured is { Length: > 0 } ? configured : DefaultFolder(dbSettings);
    }

    /// <summary>Beside the SQLite database (so each database has its own files), else ./data/files.</summary>
    static string DefaultFolder(DatabaseSettings dbSettings)
    {
        if (!dbSettings.IsPostgres)
        {
            var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(dbSettings.ConnectionString).DataSource;
            var dir = Path.GetDirectoryName(Path.GetFullPath(source));
            if (!string.IsNullOrEmpty(dir)) return Path.Combine(dir, "files");
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "data", "files");
    }

    /// <summary>The local folder, created on first use.</summary>
    public string Folder
    {
        get
        {
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    /// <summary>A local file holding a kept file's bytes (to serve it); null for a malformed hash or a file not kept.</summary>
    public abstract string? PathOf(string sha256);

    /// <summary>Removes a kept file; false when there was none. Only for content no row points at any more.</summary>
    public abstract Task<bool> DeleteAsync(string sha256, CancellationToken ct = default);

    /// <summary>Keeps a checked file (a temporary file of <see cref="Folder"/>) under its hash; another upload may keep the same at once.</summary>
    protected abstract Task KeepAsync(string sha256, string checkedFile, CancellationToken ct);

    /// <summary>The bytes of a kept file, or null.</summary>
    public Stream? OpenRead(string sha256) => PathOf(sha256) is { } path ? File.OpenRead(path) : null;

    protected static bool IsHash(string sha256) => sha256.Length == 64 && sha256.All(Uri.IsHexDigit);

    /// <summary>The field a refusal names; callers whose form calls the file otherwise pass the message on under their own.</summary>
    public const string Field = "file";

    /// <summary>Checks and keeps an upload; returns the kept file or, as invalid, a Vietnamese message saying what is wrong.</summary>
    public async Task<Outcome<SavedFile>> SaveAsync(IFormFile upload, CancellationToken ct = default)
    {
        await using var content = upload.OpenReadStream();
        return await SaveAsync(content, upload.Length, upload.FileName, ct);
    }

    /// <summary>
    /// Checks and keeps a file of the given (announced) length; the content is counted as it is read, so a
    /// wrong length cannot get a larger file in.
    /// </summary>
    public async Task<Outcome<SavedFile>> SaveAsync(Stream content, long length, string fileName, CancellationToken ct = default)
    {
        var name = Readable(fileName);
        if (length == 0) return Refused(EmptyMessage(name));
        if (length > MaxBytes) return Refused(TooLargeMessage(name, length));

        // Written to a temporary file while hashing, so a half-written file never carries a real name.
        var temp = Path.Combine(Folder, "upload-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            string hash;
            long total = 0;
            await using (var output = File.Create(temp))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > MaxBytes) return Refused(TooLargeMessage(name, null));
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }
            if (total == 0) return Refused(EmptyMessage(name));

            string? type, problem;
            await using (var saved = File.OpenRead(temp)) (type, problem) = Inspect(saved);
            if (problem is not null) return Refused($"Không nhận tệp \"{name}\": {problem}");
            if (type is null) return Refused(WrongTypeMessage(name));

            await KeepAsync(hash, temp, ct);
            return Outcome<SavedFile>.Ok(new SavedFile(hash, total, type, SafeName(fileName, type)));
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    static Outcome<SavedFile> Refused(string message) => Outcome<SavedFile>.Invalid(Field, message);

    static string EmptyMessage(string name) =>
        $"Tệp rỗng (0 byte): \"{name}\". Hãy chọn đúng tệp minh chứng rồi tải lên lại.";

    static string TooLargeMessage(string name, long? length) =>
        $"Tệp quá lớn: \"{name}\"{(length is { } n ? $" ({n / 1024 / 1024} MB)" : "")}. Chỉ nhận tệp tối đa {MaxBytes / 1024 / 1024} MB; " +
        "hãy nén hoặc chia nhỏ tệp rồi tải lên lại.";

    static string WrongTypeMessage(string name) =>
        $"Loại tệp không được chấp nhận: tệp \"{name}\" không phải PDF, DOCX, XLSX hoặc ảnh (PNG, JPEG). " +
        "Hãy lưu minh chứng ở một trong các định dạng này rồi tải lên lại.";

    public static string? Sniff(byte[] content) => Sniff(new MemoryStream(content, writable: false));

    /// <summary>The MIME type the content really is; null if not an accepted kind (or a refused Office file).</summary>
    public static string? Sniff(Stream content) => Inspect(content) is (var type, null) ? type : null;

    /// <summary>
    /// The MIME type the content really is, from its first bytes; null if not an accepted kind. A ZIP is
    /// accepted only as a real Word or Excel package: it has [Content_Types].xml and the main part, no
    /// program or macro inside and a reasonable size once inflated (<see cref="OfficeProblem"/>).
    /// Problem is a Vietnamese reason to refuse a file that is of an accepted kind but unsafe.
    /// </summary>
    public static (string? Type, string? Problem) Inspect(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..n];
        if (head.StartsWith("%PDF-"u8)) return (PdfType, null);
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return ("image/png", null);
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return ("image/jpeg", null);
        if (!head.StartsWith(new byte[] { 0x50, 0x4B, 0x03, 0x04 }) || !content.CanSeek) return (null, null);
        try
        {
            content.Position = 0;
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("[Content_Types].xml") is null) return (null, null);
            var type = zip.GetEntry("word/document.xml") is not null ? DocxType : zip.GetEntry("xl/workbook.xml") is not null ? XlsxType : null;
            return type is null ? (null, null) : (type, OfficeProblem(zip));
        }
        catch (InvalidDataException) { return (null, null); }
    }

    /// <summary>Larger than any real evidence document once inflated: beyond it a package is treated as a zip bomb.</summary>
    public const long MaxInflatedBytes = 100 * 1024 * 1024;
    const int MaxParts = 10_000;

    static readonly HashSet<string> ProgramExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".exe", ".dll", ".com", ".scr", ".msi", ".bat", ".cmd", ".ps1", ".js", ".jse", ".vbs", ".vbe", ".wsf", ".wsh", ".hta", ".jar", ".lnk", ".cpl",
    };

    /// <summary>Why an Office package is refused (a program or macros inside, or a zip bomb), or null. Only the directory is read.</summary>
    static string? OfficeProblem(ZipArchive zip)
    {
        if (zip.Entries.Count > MaxParts) return $"tệp có quá nhiều thành phần ({zip.Entries.Count:N0}), không phải tài liệu Word/Excel thông thường.";
        long inflated = 0;
        foreach (var e in zip.Entries)
        {
            if (ProgramExtensions.Contains(Path.GetExtension(e.FullName)))
                return $"tệp có chứa chương trình ({Path.GetFileName(e.FullName)}). Hãy lưu lại tài liệu dạng .docx/.xlsx thông thường (không nhúng tệp chạy được) rồi tải lên.";
            if (e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                return "tệp có chứa macro (chương trình VBA). Hãy lưu lại dạng .docx/.xlsx không có macro rồi tải lên.";
            inflated += e.Length;
            if (inflated > MaxInflatedBytes || (e.Length > 1024 * 1024 && e.Length / Math.Max(1, e.CompressedLength) > 200))
                return $"tệp khi giải nén quá lớn (trên {MaxInflatedBytes / 1024 / 1024} MB) hoặc nén bất thường. Hãy lưu lại tài liệu rồi tải lên.";
        }
        return null;
    }

    static readonly Dictionary<string, string> Extensions = new()
    {
        [PdfType] = ".pdf", ["image/png"] = ".png", ["image/jpeg"] = ".jpg", [DocxType] = ".docx", [XlsxType] = ".xlsx",
    };

    /// <summary>
    /// The name a file is kept and served under: the last part of what was sent, without control, bidi or other
    /// format characters (a right-to-left override makes "x\u202Efdp.exe" read as "xexe.pdf"), with the extension
    /// of what the content really is ("trang.html" holding a JPEG becomes "trang.jpg").
    /// </summary>
    public static string SafeName(string? sent, string contentType)
    {
        var extension = Extensions.GetValueOrDefault(contentType, "");
        var name = Readable(sent);
        var stem = Path.GetExtension(name).Length is > 1 and <= 6 ? name[..^Path.GetExtension(name).Length] : name;
        if (extension.Length > 0 && stem.EndsWith(extension, StringComparison.OrdinalIgnoreCase)) stem = stem[..^extension.Length];
        stem = stem.Trim().TrimEnd('.');
        if (stem.Length == 0) stem = "minh-chung";
        if (stem.Length > 150) stem = stem[..150];
        return stem + extension;
    }

    /// <summary>The sent name's last part (either slash), without control, bidi and format characters; for messages too.</summary>
    static string Readable(string? sent)
    {
        var last = (sent ?? "").Split('/', '\\')[^1];
        var kept = new string(last.Where(c => !char.IsControl(c)
            && System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        return kept.Normalize(System.Text.NormalizationForm.FormC).Trim();
    }
}
