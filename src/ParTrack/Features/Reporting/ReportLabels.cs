using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Activities;
using ParTrack.Domain.Reporting;
using ParTrack.Features.Notifications;
using ParTrack.Features.Plans;

namespace ParTrack.Features.Reporting;
/// <summary>The content of a kept version (what the agency said and what the reviewer answered).</summary>
public sealed record Snapshot(string State, string? Results, string? Limitations, string? Difficulties, string? Proposals, string? Answers,
    string? ReviewComment, IReadOnlyList<Snapshot.Item> Items, IReadOnlyList<Snapshot.Actual> Actuals)
{
    public sealed record Item(int ActivityId, string? Code, string Activity, bool Leads, string? Status, int? Percent, string? WorkDone,
        string? Reason, DateOnly? CompletedOn, string? ReviewComment, IReadOnlyList<string> Evidence);

    public sealed record Actual(int MeasureId, decimal Value);

    public static Snapshot Of(AgencyReport r) => new(r.State.ToString(), r.Results, r.Limitations, r.Difficulties, r.Proposals, r.Answers,
        r.ReviewComment,
        r.Entries.OrderBy(e => e.Activity?.Order).Select(e => new Item(e.ActivityId, e.Activity?.Code, e.Activity?.Text ?? "", e.Leads,
            e.Status is { } s ? ReportLabels.Of(s) : null, e.Percent, e.WorkDone, e.Reason, e.CompletedOn, e.ReviewComment,
            e.Evidence.Select(ReportLabels.Describe).ToList())).ToList(),
        r.Actuals.Select(a => new Actual(a.MeasureId, a.Value)).ToList());
}

public static class ReportLabels
{
    public static string Of(ReportedStatus s) => s switch
    {
        ReportedStatus.NotStarted => "Chưa triển khai",
        ReportedStatus.InProgress => "Đang thực hiện",
        ReportedStatus.Done => "Hoàn thành",
        ReportedStatus.DoneLate => "Hoàn thành quá hạn",
        _ => "Không thực hiện",
    };

    public static string Of(ReportState s) => s switch
    {
        ReportState.Draft => "Đang soạn",
        ReportState.Submitted => "Đã gửi, chờ xem xét",
        ReportState.Returned => "Bị trả lại để sửa",
        _ => "Đã tiếp nhận",
    };

    public static string Action(string action) => action switch
    {
        "Submitted" => "Gửi báo cáo",
        "Returned" => "Trả lại",
        "Accepted" => "Tiếp nhận",
        _ => action,
    };

    public static string Describe(Evidence v) => v.FileId is not null
        ? $"Tệp: {v.FileName}"
        : $"Văn bản số {v.DocNumber}{(v.DocDate is { } d ? $" ngày {d:dd/MM/yyyy}" : "")}: {v.DocSummary}";
}
