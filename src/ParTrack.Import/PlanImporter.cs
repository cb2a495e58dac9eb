using ParTrack.Import.Layouts;
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
        var warnings = new List<ImportWarning>();
        var doc = DocumentReader.Read(content, fileName, warnings);
        var info = DocumentFieldsReader.Read(doc, options?.Year, warnings);
        var year = options?.Year ?? info.FromYear ?? DateTime.Today.Year;

        var table = FrameworkTableReader.Read(doc, year, warnings);
        var bodyTargets = ProseReader.ReadBodyTargets(doc, year, warnings);
        var body = table ?? ProseReader.ReadProsePlan(doc, year, warnings, info.ToYear);

        var plan = new PlanJson
        {
            Document = info,
            Areas = body.Areas,
            Targets = TargetMerger.Merge(body.Targets, bodyTargets, warnings),
            Tasks = body.Tasks,
            Activities = body.Activities,
        };
        if (plan.Areas.Count == 0 && plan.Targets.Count == 0 && plan.Activities.Count == 0)
            throw new ImportException("Không tìm thấy kế hoạch trong tài liệu: không có lĩnh vực, chỉ tiêu hay nhiệm vụ nào đọc được.");
        return new ImportResult(plan, warnings);
    }
}
