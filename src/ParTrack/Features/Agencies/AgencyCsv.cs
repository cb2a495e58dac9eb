using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Agencies;

/// <summary>
/// The registry as CSV (UTF-8 with BOM so Excel shows Vietnamese): export everything; import checks
/// every row first and writes nothing unless the whole file is valid. A row updates the agency with
/// its Mã (id) or its exact name, otherwise creates one; Trực thuộc / Kế thừa name other agencies
/// (in the registry or in the same file).
/// </summary>
public sealed class AgencyCsv(AppDbContext db, SaveAgency save)
{
    public static readonly string[] Header =
        ["Mã", "Tên", "Tên viết tắt", "Loại", "Cấp", "Trực thuộc", "Hiệu lực từ", "Hiệu lực đến", "Kế thừa", "Tên gọi khác"];

    public sealed record ImportResult(int Created, int Updated, IReadOnlyList<string> Errors);

    public async Task<byte[]> ExportAsync(CancellationToken ct = default)
    {
        var agencies = await db.Agencies.AsNoTracking().Include(a => a.Aliases).OrderBy(a => a.Id).ToListAsync(ct);
        var names = agencies.ToDictionary(a => a.Id, a => a.Name);
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        await using (var csv = new CsvWriter(writer, CsvCells.Writing()))
        {
            foreach (var h in Header) csv.WriteField(h);
            await csv.NextRecordAsync();
            foreach (var a in agencies)
            {
                csv.WriteField(a.Id);
                csv.WriteField(a.Name);
                csv.WriteField(a.ShortName);
                csv.WriteField(Labels.Of(a.Kind));
                csv.WriteField(Labels.Of(a.Level));
                csv.WriteField(a.ParentId is { } p ? names.GetValueOrDefault(p) : null);
                csv.WriteField(a.ValidFrom?.ToString("dd/MM/yyyy"));
                csv.WriteField(a.ValidTo?.ToString("dd/MM/yyyy"));
                csv.WriteField(a.SuccessorId is { } s ? names.GetValueOrDefault(s) : null);
                csv.WriteField(string.Join("; ", a.Aliases.Select(x => x.Text)));
                await csv.NextRecordAsync();
            }
        }
        return buffer.ToArray();
    }

    sealed record Row(int Line, int? Id, AgencyInput Input, string? Parent, string? Successor);

    public async Task<ImportResult> ImportAsync(Stream file, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var rows = await ReadAsync(file, errors, ct);
        if (errors.Count > 0) return new(0, 0, errors);
        if (rows.Count == 0) return new(0, 0, ["Tệp không có dòng dữ liệu nào (dòng 1 là tiêu đề cột)."]);

        var created = 0;
        var updated = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Pass 1: new agencies (without links), so rows can name agencies created further down.
        var ids = new Dictionary<Row, int>();
        var createdRows = new HashSet<Row>();
        foreach (var row in rows)
        {
            var id = row.Id ?? await db.Agencies.Where(a => a.Name == row.Input.Name.Trim()).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
            if (id is not null)
            {
                ids[row] = id.Value;
                continue;
            }
            var applied = await save.ApplyAsync(Copy(row.Input, parent: null, successor: null), null, ct);
            if (!Report(applied, row.Line, errors)) continue;
            await db.SaveChangesAsync(ct);
            ids[row] = applied.Value!.Id;
            createdRows.Add(row);
            created++;
        }
        // Pass 2: parents and successors by name.
        if (errors.Count == 0)
        {
            var directory = new AgencyDirectory(db);
            foreach (var row in rows)
            {
                var parent = await LinkAsync(directory, row.Parent, "Trực thuộc", row.Line, errors, ct);
                var successor = await LinkAsync(directory, row.Successor, "Kế thừa", row.Line, errors, ct);
                if (errors.Count > 0) continue;
                if (!Report(await save.ApplyAsync(Copy(row.Input, parent, successor), ids[row], ct), row.Line, errors)) continue;
                if (db.ChangeTracker.HasChanges() && !createdRows.Contains(row)) updated++;
                await db.SaveChangesAsync(ct);
            }
        }
        if (errors.Count > 0)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(0, 0, errors);
        }
        await tx.CommitAsync(ct);
        return new(created, updated, []);
    }

    static AgencyInput Copy(AgencyInput i, int? parent, int? successor) => new()
    {
        Name = i.Name, ShortName = i.ShortName, Kind = i.Kind, Level = i.Level, ParentId = parent,
        ValidFrom = i.ValidFrom, ValidTo = i.ValidTo, SuccessorId = successor, Aliases = i.Aliases,
    };

    static bool Report(Outcome<Agency> result, int line, List<string> errors)
    {
        switch (result.Kind)
        {
            case OutcomeKind.Invalid:
                errors.AddRange(result.Errors!.Values.Select(message => $"Dòng {line}: {message}"));
                return false;
            case OutcomeKind.NotFound:
                errors.Add($"Dòng {line}: không có cơ quan với mã này; để trống cột Mã để thêm mới.");
                return false;
            case OutcomeKind.Conflict:
                errors.Add($"Dòng {line}: cơ quan vừa được người khác sửa; hãy thử lại.");
                return false;
            default:
                return true;
        }
    }

    static async Task<int?> LinkAsync(AgencyDirectory directory, string? name, string column, int line, List<string> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var found = await directory.ResolveAsync(name, ct);
        if (found?.AgencyId is { } id) return id;
        errors.Add($"Dòng {line}: cột {column} ghi \"{name.Trim()}\" nhưng không có cơ quan nào tên như vậy.");
        return null;
    }

    async Task<List<Row>> ReadAsync(Stream file, List<string> errors, CancellationToken ct)
    {
        var rows = new List<Row>();
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
            PrepareHeaderForMatch = a => AliasKey.Of(a.Header),
        };
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader())
            {
                errors.Add("Tệp trống. Dòng 1 phải là tiêu đề cột: " + string.Join(", ", Header) + ".");
                return rows;
            }
        }
        catch (Exception ex) when (ex is CsvHelperException or IOException)
        {
            errors.Add("Không đọc được tệp CSV. Hãy lưu tệp dạng CSV UTF-8 rồi thử lại.");
            return rows;
        }
        var present = csv.HeaderRecord!.Select(AliasKey.Of).ToHashSet();
        var missing = Header.Where(h => !present.Contains(AliasKey.Of(h))).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"Dòng 1: thiếu cột {string.Join(", ", missing.Select(m => $"\"{m}\""))}. Tiêu đề cần có: {string.Join(", ", Header)}.");
            return rows;
        }
        var seen = new Dictionary<string, int>();
        while (await csv.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();   // a large file from a closed tab stops here
            var line = csv.Parser.Row;
            string? Field(string name) => CsvCells.Unescape(csv.GetField(AliasKey.Of(name)))?.Trim() is { Length: > 0 } v ? v : null;
            if (csv.Parser.Record?.All(string.IsNullOrWhiteSpace) == true) continue;
            var before = errors.Count;
            int? id = null;
            if (Field("Mã") is { } idText)
            {
                if (int.TryParse(idText, out var parsed)) id = parsed;
                else errors.Add($"Dòng {line}: Mã \"{idText}\" phải là số (hoặc để trống để thêm mới).");
            }
            var name = Field("Tên");
            if (name is null) errors.Add($"Dòng {line}: thiếu tên cơ quan.");
            else if (seen.TryGetValue(AliasKey.Of(name), out var first)) errors.Add($"Dòng {line}: tên \"{name}\" trùng với dòng {first}.");
            else seen[AliasKey.Of(name)] = line;
            var kind = ParseEnum<AgencyKind>(Field("Loại"), Labels.Of, "Loại", line, errors);
            var level = ParseEnum<AdminLevel>(Field("Cấp"), l => Labels.Of(l), "Cấp", line, errors);
            var from = ParseDate(Field("Hiệu lực từ"), "Hiệu lực từ", line, errors);
            var to = ParseDate(Field("Hiệu lực đến"), "Hiệu lực đến", line, errors);
            if (errors.Count > before) continue;
            rows.Add(new Row(line, id, new AgencyInput
            {
                Name = name!, ShortName = Field("Tên viết tắt"), Kind = kind!.Value, Level = level!.Value,
                ValidFrom = from, ValidTo = to,
                Aliases = (Field("Tên gọi khác") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            }, Field("Trực thuộc"), Field("Kế thừa")));
        }
        return rows;
    }

    static T? ParseEnum<T>(string? text, Func<T, string> label, string column, int line, List<string> errors) where T : struct, Enum
    {
        var key = AliasKey.Of(text);
        foreach (var value in Enum.GetValues<T>())
            if (key == AliasKey.Of(label(value)) || key == AliasKey.Of(value.ToString()))
                return value;
        errors.Add(text is null
            ? $"Dòng {line}: thiếu cột {column}. Dùng một trong: {string.Join(", ", Enum.GetValues<T>().Select(label))}."
            : $"Dòng {line}: {column} \"{text}\" không hợp lệ. Dùng một trong: {string.Join(", ", Enum.GetValues<T>().Select(label))}.");
        return null;
    }

    static DateOnly? ParseDate(string? text, string column, int line, List<string> errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return d;
        errors.Add($"Dòng {line}: {column} \"{text}\" không phải ngày hợp lệ; ghi dạng ngày/tháng/năm, ví dụ 30/06/2025.");
        return null;
    }
}
