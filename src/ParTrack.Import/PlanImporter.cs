using ParTrack.Import.Layouts;
using ParTrack.Import.Layouts.Prose;
using ParTrack.Import.Reading;

namespace ParTrack.Import;

public sealed record ImportOptions(int? Year = null);

/// <summary>Entry point: a plan document's bytes in, plan JSON v1 plus warnings out.</summary>
public static class PlanImporter
{
    public static ImportResult Import(string path, ImportOptions? options = null)
    {
        if (!File.Exists(path)) throw new ImportException($"Không tìm thấy tệp: {path}");
        return Import(File.ReadAllBytes(path), Path.GetFileName(path), options);
    }

    public static ImportResult Import(byte[] content, string? fileName, ImportOptions? options = null)
    {
        // A plan already in our own format (plan JSON v1) is taken as it is: there is nothing to read.
        if (PlanJsonFile.LooksLikeJson(content)) return PlanJsonFile.Read(content);
        var warnings = new List<ImportWarning>();
        var doc = DocumentReader.Read(content, fileName, warnings);
        var info = DocumentFieldsReader.Read(doc, options?.Year, warnings);
        var year = options?.Year ?? info.FromYear ?? DateTime.Today.Year;

        var table = FrameworkTableReader.Read(doc, year, warnings);
        var bodyTargets = ProseReader.ReadBodyTargets(doc, year, warnings);
        var body = table ?? ProseReader.ReadProsePlan(doc, year, warnings, info.ToYear);
        var activities = table is null ? ProseLeads.Apply(doc, body.Areas, body.Activities, warnings) : body.Activities;

        var plan = new PlanJson
        {
            Document = info,
            Areas = body.Areas,
            Targets = TargetMerger.Merge(body.Targets, bodyTargets, warnings),
            Tasks = body.Tasks,
            Activities = activities,
        };
        if (plan.Activities.Count > 0) return new ImportResult(plan, warnings);

        // A header or a summary without the plan's tasks: return what was read, saying so, unless nothing was.
        if (plan.Targets.Count == 0 && info.Title is null && info.Number is null && info.Issuer is null)
            throw new ImportException("Không tìm thấy kế hoạch trong tài liệu: không có lĩnh vực, chỉ tiêu hay nhiệm vụ nào đọc được.");
        warnings.Add(new ImportWarning(WarningKinds.NoPlanBody, "toàn văn bản", NoPlanBodyMessage));
        return new ImportResult(plan, warnings) { Status = ImportStatus.NoPlanBody };
    }

    /// <summary>What a user is told when only the header or a summary was read.</summary>
    public const string NoPlanBodyMessage =
        "Chỉ đọc được phần đầu văn bản / bản tóm tắt: chưa có bảng nhiệm vụ. Hãy tải lên văn bản đầy đủ (có phụ lục nhiệm vụ) hoặc nhập nhiệm vụ bằng tay.";
}
