using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain.Inspections;
using ParTrack.Features.Accounts;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Inspections;

public sealed record NoticeInput(DateOnly ScheduledOn, string? DocumentsToPrepare, DateOnly? DocumentsDueOn);

public sealed record MinutesInput(DateOnly? VisitedOn, IReadOnlyDictionary<string, string?> Observations, string? SampledDossiers, string? Attendees);

public sealed record ConclusionInput(string? Number, DateOnly? Date, string? Signer);

public sealed record FindingInput(string? Area, string? Criterion, FindingSeverity Severity, string? Found, string? RequiredRemedy,
    int? ResponsibleAgencyId, DateOnly? Deadline);

/// <summary>One inspection: the notice to the unit, its documents, the minutes of the visit, the conclusion and its findings.</summary>
public sealed class Visits(AppDbContext db, FileStore files, CurrentUser user, TimeProvider clock)
{
    /// <summary>The inspection with what its page shows, or null.</summary>
    public Task<Inspection?> FindAsync(int id, CancellationToken ct = default) =>
        db.Set<Inspection>().Include(i => i.Programme).Include(i => i.Agency).Include(i => i.Observations)
            .Include(i => i.Documents).Include(i => i.Findings).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);

    public Outcome<Inspection> SetNotice(Inspection i, NoticeInput input)
    {
        var errors = new Dictionary<string, string>();
        if (i.Programme is { } p && input.ScheduledOn.Year != p.Year) errors["scheduledOn"] = $"Ngày kiểm tra phải trong năm {p.Year}.";
        if (input.DocumentsDueOn > input.ScheduledOn) errors["documentsDueOn"] = "Hạn nộp tài liệu phải trước hoặc đúng ngày kiểm tra.";
        Limits.Check(errors, "documentsToPrepare", "Tài liệu cần chuẩn bị", input.DocumentsToPrepare, Limits.Text);
        if (errors.Count > 0) return Outcome<Inspection>.Invalid(errors);
        i.ScheduledOn = input.ScheduledOn;
        i.DocumentsToPrepare = input.DocumentsToPrepare?.Trim() ?? "";
        i.DocumentsDueOn = input.DocumentsDueOn;
        return Outcome<Inspection>.Ok(i);
    }

    /// <summary>The lines of "documents to prepare" the unit has not uploaded yet.</summary>
    public static IReadOnlyList<string> Missing(Inspection i) =>
        InspectionProgramme.Lines(i.DocumentsToPrepare).Where(r => i.Documents.All(d => d.Requirement != r)).ToList();

    public async Task<Outcome<InspectionDocument>> UploadAsync(Inspection i, string? requirement, IFormFile? upload, CancellationToken ct = default)
    {
        if (requirement is null || !InspectionProgramme.Lines(i.DocumentsToPrepare).Contains(requirement))
            return Outcome<InspectionDocument>.Invalid("requirement", "Hãy chọn tài liệu cần nộp trong danh sách.");
        if (upload is null || upload.Length == 0) return Outcome<InspectionDocument>.Invalid("file", "Hãy chọn tệp để tải lên.");
        var kept = await files.SaveAsync(upload, ct);
        if (kept.Value is not { } saved) return kept.As<InspectionDocument>();
        var doc = new InspectionDocument
        {
            InspectionId = i.Id, Requirement = requirement, FileName = saved.FileName, ContentType = saved.ContentType,
            Sha256 = saved.Sha256, Size = saved.Size, UploadedAtUtc = clock.GetUtcNow().UtcDateTime, UploadedBy = user.UserName,
        };
        i.Documents.Add(doc);
        return Outcome<InspectionDocument>.Ok(doc);
    }

    public Outcome<Inspection> SetMinutes(Inspection i, MinutesInput input)
    {
        var errors = new Dictionary<string, string>();
        var checklist = InspectionProgramme.Lines(i.Programme!.Checklist);
        foreach (var (item, note) in input.Observations)
        {
            if (!checklist.Contains(item)) errors["observations"] = "Mục trong biên bản không có trong danh mục của kế hoạch.";
            Limits.Check(errors, "observations", item, note, Limits.Text);
        }
        Limits.Check(errors, "sampledDossiers", "Hồ sơ kiểm tra xác suất", input.SampledDossiers, Limits.Text);
        Limits.Check(errors, "attendees", "Thành phần tham dự", input.Attendees, Limits.Text);
        if (errors.Count > 0) return Outcome<Inspection>.Invalid(errors);
        i.VisitedOn = input.VisitedOn;
        i.SampledDossiers = Blank(input.SampledDossiers);
        i.Attendees = Blank(input.Attendees);
        foreach (var (item, note) in input.Observations)
        {
            var row = i.Observations.FirstOrDefault(o => o.Item == item);
            if (string.IsNullOrWhiteSpace(note)) { if (row is not null) i.Observations.Remove(row); continue; }
            if (row is null) i.Observations.Add(row = new InspectionObservation { Item = item });
            row.Note = note.Trim();
        }
        return Outcome<Inspection>.Ok(i);
    }

    public Outcome<Inspection> SetConclusion(Inspection i, ConclusionInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Number)) errors["number"] = "Hãy nhập số thông báo kết luận.";
        if (input.Date is null) errors["date"] = "Hãy nhập ngày thông báo kết luận.";
        if (string.IsNullOrWhiteSpace(input.Signer)) errors["signer"] = "Hãy nhập người ký thông báo kết luận.";
        if (input.Date is DateOnly d && i.VisitedOn is DateOnly v && d < v) errors["date"] = "Ngày kết luận phải sau ngày kiểm tra.";
        Limits.Check(errors, "number", "Số thông báo", input.Number, Limits.ShortText);
        Limits.Check(errors, "signer", "Người ký", input.Signer, Limits.Name);
        if (errors.Count > 0) return Outcome<Inspection>.Invalid(errors);
        i.ConclusionNumber = input.Number!.Trim();
        i.ConclusionDate = input.Date;
        i.ConclusionSigner = input.Signer!.Trim();
        // Findings entered before the date was known take the default deadline now.
        foreach (var f in i.Findings.Where(f => f.Status == RemedyStatus.Open && f.Deadline == default))
            f.Deadline = Remedies.DeadlineFor(input.Date!.Value, i.Programme!.RemedyDays);
        return Outcome<Inspection>.Ok(i);
    }

    /// <summary>A finding of the conclusion; the deadline defaults to the conclusion date plus the programme's remedy days.</summary>
    public async Task<Outcome<InspectionFinding>> AddFindingAsync(Inspection i, FindingInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Area)) errors["area"] = "Hãy chọn lĩnh vực.";
        if (string.IsNullOrWhiteSpace(input.Found)) errors["found"] = "Hãy ghi tồn tại, hạn chế phát hiện được.";
        if (string.IsNullOrWhiteSpace(input.RequiredRemedy)) errors["requiredRemedy"] = "Hãy ghi yêu cầu khắc phục.";
        if (i.ConclusionDate is null && input.Deadline is null) errors["deadline"] = "Hãy nhập thông báo kết luận (ngày) trước, hoặc ghi hạn khắc phục.";
        Limits.Check(errors, "area", "Lĩnh vực", input.Area, Limits.Name);
        Limits.Check(errors, "criterion", "Tiêu chí", input.Criterion, Limits.Code);
        Limits.Check(errors, "found", "Tồn tại, hạn chế", input.Found, Limits.Text);
        Limits.Check(errors, "requiredRemedy", "Yêu cầu khắc phục", input.RequiredRemedy, Limits.Text);
        var responsible = input.ResponsibleAgencyId ?? i.AgencyId;
        if (!await db.Agencies.AnyAsync(a => a.Id == responsible, ct)) errors["responsibleAgencyId"] = "Không tìm thấy đơn vị chịu trách nhiệm.";
        if (errors.Count > 0) return Outcome<InspectionFinding>.Invalid(errors);
        var f = new InspectionFinding
        {
            Area = input.Area!.Trim(), Criterion = Blank(input.Criterion), Severity = input.Severity, Found = input.Found!.Trim(),
            RequiredRemedy = input.RequiredRemedy!.Trim(), ResponsibleAgencyId = responsible, Status = RemedyStatus.Open,
            Deadline = input.Deadline ?? Remedies.DeadlineFor(i.ConclusionDate!.Value, i.Programme!.RemedyDays),
        };
        i.Findings.Add(f);
        return Outcome<InspectionFinding>.Ok(f);
    }

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
