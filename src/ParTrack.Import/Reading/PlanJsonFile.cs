using System.Text.Json;

namespace ParTrack.Import.Reading;

/// <summary>
/// A plan already in our import format, plan JSON v1 (../shared/contracts/plan-json-v1.md: what
/// `partrack import --json` prints, what the plan page downloads), is read back as it is: a plan read once,
/// checked or corrected by hand, can be imported again. JSON is told from documents by its first character;
/// a JSON file that is not such a plan is refused with a reason, never read as text.
/// </summary>
internal static class PlanJsonFile
{
    public const string Schema = "partrack.plan/v1";

    /// <summary>
    /// Whether the content is JSON: an object first, after an optional UTF-8 byte order mark and spaces. RTF also starts
    /// with "{" ("{\rtf1"), so a brace followed by a backslash is not JSON.
    /// </summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("\uFEFF"u8)) content = content[3..];
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return content[i] == (byte)'{' && !content[(i + 1)..].TrimStart(" \t\r\n"u8).StartsWith("\\"u8);
        }
        return false;
    }

    public static ImportResult Read(byte[] content)
    {
        if (content.Length > DocumentReader.MaxBytes)
            throw new ImportException($"Tệp quá lớn ({content.Length / (1024 * 1024)} MB); chỉ nhận tệp đến {DocumentReader.MaxBytes / (1024 * 1024)} MB.");
        var span = content.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        PlanJson? plan;
        try
        {
            // The schema as written: PlanJson fills in ours when the file has none.
            if (JsonSerializer.Deserialize<SchemaOnly>(span, PlanJsonSerializer.Options)?.Schema != Schema) plan = null;
            else plan = JsonSerializer.Deserialize<PlanJson>(span, PlanJsonSerializer.Options);
        }
        catch (JsonException ex)
        {
            throw new ImportException($"Tệp JSON không đọc được (dòng {(ex.LineNumber ?? 0) + 1}). Hãy tải lên tệp kế hoạch (.docx, .pdf …) hoặc tệp JSON do ParTrack xuất ra, không sửa dở.");
        }
        if (plan is null)
            throw new ImportException($"Tệp JSON này không phải kế hoạch của ParTrack (thiếu \"schema\": \"{Schema}\"). Hãy tải lên tệp kế hoạch (.docx, .pdf …) hoặc tệp JSON do ParTrack xuất ra.");

        plan = Complete(plan);
        var warnings = new List<ImportWarning>();
        if (plan.Activities.Count > 0) return new ImportResult(plan, warnings);
        warnings.Add(new ImportWarning(WarningKinds.NoPlanBody, "toàn văn bản", PlanImporter.NoPlanBodyMessage));
        return new ImportResult(plan, warnings) { Status = ImportStatus.NoPlanBody };
    }

    /// <summary>The plan with what a hand-edited file may leave out or set to null ("lead": null, no "due")
    /// filled in as the importer writes it: empty lists, unknown dues, empty texts that validation then names.</summary>
    private static PlanJson Complete(PlanJson p) => p with
    {
        Document = p.Document ?? new PlanDocumentInfo(),
        Areas = (p.Areas ?? []).Where(a => a is not null).Select(a => a with { Code = a.Code ?? "", Title = a.Title ?? "" }).ToList(),
        Targets = (p.Targets ?? []).Where(t => t is not null)
            .Select(t => t with { Text = t.Text ?? "", Measures = (t.Measures ?? []).Where(m => m is not null && m.Comparator is not null).ToList() }).ToList(),
        Tasks = (p.Tasks ?? []).Where(t => t is not null)
            .Select(t => t with { Text = t.Text ?? "", Targets = (t.Targets ?? []).Where(x => x is not null).ToList() }).ToList(),
        Activities = (p.Activities ?? []).Where(a => a is not null).Select(a => a with
        {
            Text = a.Text ?? "",
            Lead = (a.Lead ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).ToList(),
            Support = (a.Support ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).ToList(),
            Due = a.Due is { Kind: not null } due ? due : Due.Unknown(a.Due?.Text),
        }).ToList(),
    };

    private sealed record SchemaOnly(string? Schema);
}
