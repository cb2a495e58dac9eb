using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.ParIndex;
using ParTrack.Features.Accounts;
using static ParTrack.Features.ParIndex.ParFormat;

namespace ParTrack.Features.ParIndex;

/// <summary>What a user may do with one assessment (officers only with their own unit's).</summary>
public static class ParAccess
{
    public static bool CanSee(CurrentUser me, ParAssessment a) => me.Scope.CanSeeAgency(a.AgencyId);
    public static bool CanSelfAssess(CurrentUser me, ParAssessment a) => me.Scope.CanEditAgencyWork(a.AgencyId);
    public static bool CanAppraise(CurrentUser me) => me.Scope.CanAppraise;
}

/// <summary>One posted row of the self-assessment form.</summary>
public sealed record SelfRow(string Code, string? Points, string? Explanation, IFormFile? File, ReportFile? Picked = null);

/// <summary>One posted row of the appraisal form.</summary>
public sealed record AppraisalRow(string Code, string? Points, string? Reason);

/// <summary>
/// The assessment's use cases: self-assessment (save, submit, withdraw) with evidence, appraisal,
/// clarification and survey points. Each checks the round's step and dates; failures come back as
/// Vietnamese messages and nothing is saved.
/// </summary>
public sealed class ParAssessments(AppDbContext db, TimeProvider clock, FileStore store)
{
    public async Task<ParAssessment?> LoadAsync(int id, CancellationToken ct = default) =>
        await db.Set<ParAssessment>()
            .Include(a => a.Round).Include(a => a.Agency).Include(a => a.Set)
            .Include(a => a.Scores).Include(a => a.Evidence)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct);

    public DateOnly Today => VietnamTime.Today(clock);

    /// <summary>Why the unit cannot change its self-assessment now, or null when it can.</summary>
    public string? SelfAssessmentClosed(ParAssessment a)
    {
        var round = a.Round!;
        if (round.Stage == RoundStage.Draft) return "Đợt đánh giá chưa mở bước tự đánh giá. Hãy chờ Sở Nội vụ mở đợt.";
        if (Today > round.SelfAssessmentDeadline || round.Stage > RoundStage.SelfAssessment)
            return $"Đã hết hạn tự đánh giá (ngày {round.SelfAssessmentDeadline:dd/MM/yyyy}). Không thể sửa, nộp hay rút bản tự đánh giá; " +
                   "nếu cần gia hạn, hãy liên hệ Sở Nội vụ.";
        return null;
    }

    public static ParScore Score(ParAssessment a, string code)
    {
        var score = a.Scores.FirstOrDefault(s => s.Code == code);
        if (score is null) { score = new ParScore { Code = code }; a.Scores.Add(score); }
        return score;
    }

    public static decimal? ParsePoints(string? text, out bool bad)
    {
        bad = false;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace(',', '.');
        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return v;
        bad = true;
        return null;
    }

    /// <summary>
    /// Saves scores, explanations and new evidence; with submit, also hands the self-assessment in. Drafts always save:
    /// only a closed step or a submitted assessment refuses (<see cref="SelfSave.Refused"/>). A value that does not parse
    /// or break a rule leaves the stored one as it was and is listed in <see cref="SelfSave.Missing"/>, with what
    /// submission still needs (evidence); chosen files are stored whatever else is wrong, so nobody chooses them again.
    /// It is submitted only when nothing is missing.
    /// </summary>
    public async Task<SelfSave> SaveSelfAsync(ParAssessment a, IReadOnlyList<SelfRow> rows, bool submit, CancellationToken ct = default)
    {
        if (SelfAssessmentClosed(a) is { } closed) return SelfSave.Refuse(closed);
        if (a.Status == AssessmentStatus.Submitted) return SelfSave.Refuse("Bản tự đánh giá đã nộp. Hãy rút lại bản đã nộp trước khi sửa.");
        var set = CriteriaSets.Parse(a.Set!);
        var subs = set.Flatten().ToDictionary(i => i.Sub.Code, i => i.Sub);
        var missing = new List<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            if (!subs.TryGetValue(row.Code, out var sub) || sub.IsSurvey) continue;
            var score = Score(a, sub.Code);
            var points = ParsePoints(row.Points, out var bad);
            if (bad) missing.Add($"Điểm tiêu chí {sub.Code} không phải là số (đã nhập \"{row.Points}\"); điểm đã lưu trước đó được giữ nguyên. Hãy nhập số, ví dụ 1,5.");
            else if (points is { } p && ScoreRules.Validate(sub, p) is { } why) missing.Add(why + " Điểm đã lưu trước đó được giữ nguyên.");
            else score.SelfPoints = points;
            var explanation = string.IsNullOrWhiteSpace(row.Explanation) ? null : row.Explanation.Trim();
            if (Limits.TooLong($"Giải thích của tiêu chí {sub.Code}", explanation, Limits.Text) is { } tooLong) missing.Add(tooLong);
            else score.Explanation = explanation;
            if (row.File is { Length: > 0 })
            {
                var kept = await store.SaveAsync(row.File, ct);
                if (kept.Value is not { } file) missing.Add($"Tiêu chí {sub.Code}: {kept.Message}");
                else if (!a.Evidence.Any(e => e.Code == sub.Code && e.Sha256 == file.Sha256))
                    a.Evidence.Add(new ParEvidence
                    {
                        Code = sub.Code, FileName = file.FileName, ContentType = file.ContentType, Sha256 = file.Sha256, Size = file.Size, UploadedAtUtc = now,
                    });
            }
            if (row.Picked is { } f && !a.Evidence.Any(e => e.Code == sub.Code && e.Sha256 == f.Sha256)
                && LinkReportFile(a, sub.Code, f.Sha256, f.FileName, f.ContentType, f.Size, f.ReportId) is { } linkError)
                missing.Add($"Tiêu chí {sub.Code}: {linkError}");
            if (score.SelfPoints is not null && sub.EvidenceRequired && score.Explanation is null && !a.Evidence.Any(e => e.Code == sub.Code))
                missing.Add($"Tiêu chí {sub.Code} yêu cầu tài liệu kiểm chứng nhưng chưa có tệp nào. Hãy đính kèm tài liệu, " +
                            "hoặc ghi giải thích vì sao không có.");
        }
        if (submit && missing.Count == 0)
        {
            a.Status = AssessmentStatus.Submitted;
            a.SubmittedAtUtc = now;
        }
        return new SelfSave(null, missing);
    }

    /// <summary>Links a file already submitted in a progress report (by hash) as evidence.</summary>
    public string? LinkReportFile(ParAssessment a, string code, string sha256, string fileName, string contentType, long size, int? reportId)
    {
        if (SelfAssessmentClosed(a) is { } closed) return closed;
        if (store.PathOf(sha256) is null) return "Không tìm thấy tệp đã nộp trong báo cáo. Hãy tải tệp lên trực tiếp.";
        a.Evidence.Add(new ParEvidence
        {
            Code = code, FileName = fileName, ContentType = contentType, Sha256 = sha256, Size = size, ReportId = reportId,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        return null;
    }

    public string? RemoveEvidence(ParAssessment a, int evidenceId)
    {
        if (SelfAssessmentClosed(a) is { } closed) return closed;
        if (a.Status == AssessmentStatus.Submitted) return "Bản tự đánh giá đã nộp. Hãy rút lại bản đã nộp trước khi sửa.";
        var e = a.Evidence.FirstOrDefault(x => x.Id == evidenceId);
        if (e is null) return "Không tìm thấy tài liệu này.";
        a.Evidence.Remove(e);
        db.Remove(e);
        return null;
    }

    public string? Withdraw(ParAssessment a)
    {
        if (SelfAssessmentClosed(a) is { } closed) return closed;
        if (a.Status != AssessmentStatus.Submitted) return "Bản tự đánh giá chưa nộp nên không cần rút lại.";
        a.Status = AssessmentStatus.Draft;
        a.SubmittedAtUtc = null;
        return null;
    }

    /// <summary>
    /// Why appraisal scores cannot be changed now, or null. In the appraisal step the round's window
    /// (AppraisalStart..AppraisalEnd, Vietnam dates) applies, like the self-assessment deadline; the
    /// review step after clarification is bounded by the steps alone.
    /// </summary>
    public string? AppraisalClosed(ParAssessment a)
    {
        var round = a.Round!;
        if (round.Stage == RoundStage.Appraisal && Today < round.AppraisalStart)
            return $"Chưa đến thời gian thẩm định (từ ngày {round.AppraisalStart:dd/MM/yyyy} đến ngày {round.AppraisalEnd:dd/MM/yyyy}). " +
                   "Không thể chấm điểm thẩm định trước ngày bắt đầu; nếu cần thẩm định sớm, hãy đề nghị Sở Nội vụ sửa lịch của đợt.";
        if (round.Stage == RoundStage.Appraisal && Today > round.AppraisalEnd)
            return $"Đã hết thời gian thẩm định (ngày {round.AppraisalEnd:dd/MM/yyyy}). Không thể sửa điểm thẩm định; " +
                   "nếu cần gia hạn, hãy liên hệ Sở Nội vụ.";
        return StageClosedForAppraisal(round.Stage);
    }

    static string? StageClosedForAppraisal(RoundStage stage) => stage switch
    {
        RoundStage.Appraisal or RoundStage.Review => null,
        RoundStage.Clarification => "Đợt đánh giá đang ở bước giải trình; hãy chờ đơn vị giải trình xong rồi mới sửa điểm thẩm định.",
        RoundStage.Published => "Kết quả đã công bố; không thể sửa điểm thẩm định.",
        _ => "Đợt đánh giá chưa mở bước thẩm định.",
    };

    /// <summary>
    /// Appraised scores: a score equal to the self score recognises it; any other score needs a reason.
    /// </summary>
    public IReadOnlyList<string> Appraise(ParAssessment a, IReadOnlyList<AppraisalRow> rows)
    {
        if (AppraisalClosed(a) is { } closed) return [closed];
        var subs = CriteriaSets.Parse(a.Set!).Flatten().ToDictionary(i => i.Sub.Code, i => i.Sub);
        var errors = new List<string>();
        var changes = new List<(string Code, decimal? Points, string? Reason)>();
        foreach (var row in rows)
        {
            if (!subs.TryGetValue(row.Code, out var sub) || sub.IsSurvey) continue;
            var points = ParsePoints(row.Points, out var bad);
            if (bad) { errors.Add($"Điểm thẩm định tiêu chí {sub.Code} không phải là số (đã nhập \"{row.Points}\")."); continue; }
            var self = a.Scores.FirstOrDefault(s => s.Code == sub.Code)?.SelfPoints;
            if (points is null || points == self) { changes.Add((sub.Code, null, null)); continue; }
            if (ScoreRules.Validate(sub, points.Value) is { } why) errors.Add(why);
            var reason = string.IsNullOrWhiteSpace(row.Reason) ? null : row.Reason.Trim();
            if (Limits.TooLong($"Tiêu chí {sub.Code}: lý do điều chỉnh", reason, Limits.Text) is { } tooLong) { errors.Add(tooLong); continue; }
            if (reason is null)
                errors.Add($"Tiêu chí {sub.Code}: điểm thẩm định ({Num(points.Value)}) khác điểm tự đánh giá " +
                           $"({(self is null ? "chưa chấm" : Num(self.Value))}). Hãy ghi lý do điều chỉnh.");
            changes.Add((sub.Code, points, reason));
        }
        if (errors.Count > 0) return errors;
        foreach (var (code, points, reason) in changes)
        {
            var existing = a.Scores.FirstOrDefault(s => s.Code == code);
            if (existing is null && points is null) continue;
            var score = Score(a, code);
            if (score.AppraisedPoints == points && score.AppraisalReason == reason) continue;
            score.AppraisedPoints = points;
            score.AppraisalReason = reason;
        }
        return [];
    }

    public string? ClarificationClosed(ParAssessment a)
    {
        var round = a.Round!;
        if (round.Stage != RoundStage.Clarification) return "Đợt đánh giá không ở bước giải trình.";
        if (Today > round.ClarificationEnd)
            return $"Đã hết hạn giải trình (ngày {round.ClarificationEnd:dd/MM/yyyy}). Không thể gửi giải trình.";
        return null;
    }

    /// <summary>The unit's answer to changed scores, once per sub-criterion.</summary>
    public IReadOnlyList<string> Clarify(ParAssessment a, IReadOnlyDictionary<string, string?> texts)
    {
        if (ClarificationClosed(a) is { } closed) return [closed];
        var errors = new List<string>();
        var accepted = new List<(ParScore Score, string Text)>();
        foreach (var (code, raw) in texts)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var score = a.Scores.FirstOrDefault(s => s.Code == code);
            if (score?.AppraisedPoints is null) { errors.Add($"Tiêu chí {code} không bị điều chỉnh điểm nên không cần giải trình."); continue; }
            if (score.Clarification is not null) { errors.Add($"Tiêu chí {code} đã có giải trình; mỗi điều chỉnh chỉ được giải trình một lần."); continue; }
            if (Limits.TooLong($"Tiêu chí {code}: giải trình", raw.Trim(), Limits.Text) is { } tooLong) { errors.Add(tooLong); continue; }
            accepted.Add((score, raw.Trim()));
        }
        if (errors.Count > 0) return errors;
        if (accepted.Count == 0) return ["Chưa có nội dung giải trình nào. Hãy nhập giải trình cho tiêu chí bị điều chỉnh điểm."];
        foreach (var (score, text) in accepted) score.Clarification = text;
        return [];
    }

    /// <summary>Survey points (điểm điều tra xã hội học), within [0, max] of each survey sub-criterion.</summary>
    public static IReadOnlyList<string> SetSurvey(ParAssessment a, CriteriaSet set, IReadOnlyDictionary<string, string?> points)
    {
        if (a.Round!.Stage == RoundStage.Published) return ["Kết quả đã công bố; không thể sửa điểm điều tra."];
        var subs = set.Flatten().Where(i => i.Sub.IsSurvey).ToDictionary(i => i.Sub.Code, i => i.Sub);
        var errors = new List<string>();
        var values = new List<(string Code, decimal? Points)>();
        foreach (var (code, raw) in points)
        {
            if (!subs.TryGetValue(code, out var sub)) continue;
            var p = ParsePoints(raw, out var bad);
            if (bad) { errors.Add($"{a.Agency?.Name}: điểm điều tra tiêu chí {code} không phải là số (\"{raw}\")."); continue; }
            if (p is { } v && ScoreRules.Validate(sub, v) is { } why) { errors.Add($"{a.Agency?.Name}: {why}"); continue; }
            values.Add((code, p));
        }
        if (errors.Count > 0) return errors;
        foreach (var (code, p) in values)
        {
            if (p is null && a.Scores.All(s => s.Code != code)) continue;
            var score = Score(a, code);
            if (score.SurveyPoints != p) score.SurveyPoints = p;
        }
        return [];
    }

    /// <summary>The Domain's view of an assessment, for scoring.</summary>
    public static UnitAssessment ToDomain(ParAssessment a)
    {
        var self = new Dictionary<string, decimal>();
        var appraised = new Dictionary<string, decimal>();
        var survey = new Dictionary<string, decimal>();
        foreach (var s in a.Scores)
        {
            if (s.SelfPoints is { } p) self[s.Code] = p;
            if (s.AppraisedPoints is { } q) appraised[s.Code] = q;
            if (s.SurveyPoints is { } r) survey[s.Code] = r;
        }
        return new UnitAssessment(a.AgencyId.ToString(CultureInfo.InvariantCulture), a.Group.ToString(), self, appraised, survey, a.ExcludedCodes());
    }
}

public static class ParFormat
{
    /// <summary>Points as Vietnamese tables write them: decimal comma, no trailing zeros (1,5).</summary>
    public static string Num(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');
    public static string Num(decimal? value) => value is { } v ? Num(v) : "";
}

/// <summary>What a self-assessment save did: refused (nothing saved), or saved with what is still missing for submission.</summary>
public sealed record SelfSave(string? Refused, IReadOnlyList<string> Missing)
{
    public static SelfSave Refuse(string why) => new(why, []);
}
