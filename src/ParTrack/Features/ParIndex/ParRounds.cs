using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Shared;

namespace ParTrack.Features.ParIndex;

public sealed record RoundInput(int Year, string Title, DateOnly SelfAssessmentDeadline, DateOnly AppraisalStart, DateOnly AppraisalEnd,
    DateOnly ClarificationStart, DateOnly ClarificationEnd, DateOnly PublishOn, bool SurveyIncluded, IReadOnlyList<ParUnitGroup> Groups);

/// <summary>Creates rounds with their units and moves a round from step to step.</summary>
public sealed class ParRounds(AppDbContext db, CriteriaSets sets, ParGroups groups)
{
    /// <summary>The years a round can be for (a typo such as 0 or 20255 is refused, and dates of the year stay valid).</summary>
    public const int FirstYear = 2000, LastYear = 2100;

    /// <summary>Each reason the schedule is refused, by the field it is about (the names of <see cref="RoundInput"/>).</summary>
    public static IReadOnlyList<(string Field, string Message)> ValidateSchedule(RoundInput r)
    {
        var errors = new List<(string, string)>();
        if (r.Year is < FirstYear or > LastYear) errors.Add(("Year", $"Năm đánh giá phải từ {FirstYear} đến {LastYear} (ví dụ {DateTime.UtcNow.Year}). Chưa có gì được lưu."));
        if (string.IsNullOrWhiteSpace(r.Title)) errors.Add(("Title", "Hãy nhập tên đợt đánh giá."));
        else if (Limits.TooLong("Tên đợt", r.Title.Trim(), Limits.Text) is { } tooLong) errors.Add(("Title", tooLong));
        if (r.Groups.Count == 0) errors.Add(("Groups", "Hãy chọn ít nhất một nhóm đơn vị được đánh giá."));
        if (r.AppraisalStart < r.SelfAssessmentDeadline) errors.Add(("AppraisalStart", "Thời gian thẩm định phải bắt đầu sau hạn tự đánh giá."));
        if (r.AppraisalEnd < r.AppraisalStart) errors.Add(("AppraisalEnd", "Ngày kết thúc thẩm định phải sau ngày bắt đầu."));
        if (r.ClarificationStart < r.AppraisalStart || r.ClarificationEnd < r.ClarificationStart)
            errors.Add(("ClarificationStart", "Thời gian giải trình phải nằm sau khi bắt đầu thẩm định và ngày kết thúc phải sau ngày bắt đầu."));
        if (r.PublishOn < r.ClarificationEnd) errors.Add(("PublishOn", "Ngày công bố phải sau thời gian giải trình."));
        return errors;
    }

    /// <summary>A round in preparation, with one assessment per current unit of the chosen groups.
    /// The round is added to the context, not saved: the caller saves it (with the criteria sets made on the way).</summary>
    public async Task<Outcome<ParRound>> CreateAsync(RoundInput input, CancellationToken ct = default)
    {
        var errors = ValidateSchedule(input);
        if (errors.Count > 0) return Outcome<ParRound>.Invalid(errors);
        var round = new ParRound
        {
            Year = input.Year, Title = input.Title.Trim(), Stage = RoundStage.Draft,
            SelfAssessmentDeadline = input.SelfAssessmentDeadline, AppraisalStart = input.AppraisalStart, AppraisalEnd = input.AppraisalEnd,
            ClarificationStart = input.ClarificationStart, ClarificationEnd = input.ClarificationEnd, PublishOn = input.PublishOn,
            SurveyIncluded = input.SurveyIncluded,
        };
        // Units that exist at the end of the year, as provinces scored 2025: departments after the mergers of
        // 01/03 and communes after 01/07, no districts (DOMAIN §7). A merged body's history reads under its successor.
        var day = new DateOnly(input.Year, 12, 31);
        var agencies = (await db.Agencies.AsNoTracking().ToListAsync(ct)).Where(a => a.IsCurrent(day)).ToList();
        var known = await groups.AllAsync(ct);
        foreach (var group in input.Groups.Distinct())
        {
            if (!known.Contains(group)) return Outcome<ParRound>.Invalid("Groups", $"Không có nhóm đơn vị \"{group.Key}\". Hãy chọn trong danh sách nhóm.");
            var kinds = await groups.KindsOfAsync(group, ct);
            var set = await sets.EnsureAsync(input.Year, group, ct);
            foreach (var agency in agencies.Where(a => kinds.Contains(a.Kind)).OrderBy(a => a.Name))
                round.Assessments.Add(new ParAssessment { AgencyId = agency.Id, Group = group, SetId = set.Id });
        }
        if (round.Assessments.Count == 0) return Outcome<ParRound>.Invalid("Groups", $"Không có đơn vị nào thuộc các nhóm đã chọn trong năm {input.Year}.");
        db.Add(round);
        return Outcome<ParRound>.Ok(round);
    }

    /// <summary>Opens the next step (closing the current one), or goes back one step to reopen it.</summary>
    public static string? Move(ParRound round, bool forward)
    {
        if (forward)
        {
            if (round.Stage == RoundStage.Published) return "Đợt đánh giá đã công bố kết quả; không còn bước nào để mở.";
            round.Stage++;
        }
        else
        {
            if (round.Stage == RoundStage.Draft) return "Đợt đánh giá đang ở bước đầu tiên.";
            round.Stage--;
        }
        return null;
    }
}
