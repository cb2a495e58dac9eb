namespace ParTrack.Domain.Reporting;

/// <summary>
/// The periodic reports of a plan year ("theo quý, 6 tháng, năm và đột xuất"). Q1, SixMonths and Q3 are
/// cumulative from the start of the year, as the decree's windows are: Q3 is the 9-month report.
/// </summary>
public enum ReportingPeriodKind { Q1, SixMonths, Q3, Year, AdHoc }

/// <summary>
/// When data is cut off and when reports are due, as day-of-month numbers.
/// Data window: from day CutOffDay + 1 of December of the previous year to day CutOffDay of the
/// period's last month. Deadline: day SubmitDay of the period's last month.
/// </summary>
/// <param name="CutOffDay">
/// Last day of data. Decree 09/2019/NĐ-CP, art. 12: data runs from the 15th of the month before the
/// period to the 14th of its last month, so the default is 14. Some provinces use 4 (5th → 4th).
/// </param>
/// <param name="SubmitDay">
/// Day by which agencies submit. The decree fixes only the cut-off and leaves the submission day to
/// whoever sets the reporting regime. We default to the 18th: four days after the cut-off to write the
/// report (the province in the issue that cuts off on the 4th collects by the 10th, six days later), and
/// still early enough for the Department of Home Affairs to consolidate before the province reports to
/// the Ministry around the 20th. Plans override it.
/// </param>
public sealed record ReportingCalendar(int CutOffDay = 14, int SubmitDay = 18)
{
    public static ReportingCalendar Decree09 { get; } = new();

    /// <summary>Problems with the settings, in Vietnamese; empty when usable.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        // 28 keeps every month valid, including the window start (day + 1) in December.
        if (CutOffDay is < 1 or > 28)
            errors.Add(new(nameof(CutOffDay),
                $"Ngày chốt số liệu phải từ 1 đến 28 (đã nhập {CutOffDay}). Hãy chọn một ngày trong khoảng này."));
        if (SubmitDay is < 1 or > 28)
            errors.Add(new(nameof(SubmitDay),
                $"Hạn gửi báo cáo phải từ ngày 1 đến ngày 28 của tháng cuối kỳ (đã nhập {SubmitDay})."));
        else if (CutOffDay is >= 1 and <= 28 && SubmitDay < CutOffDay)
            errors.Add(new(nameof(SubmitDay),
                $"Hạn gửi báo cáo (ngày {SubmitDay}) không được trước ngày chốt số liệu (ngày {CutOffDay}). " +
                "Hãy chọn hạn gửi từ ngày chốt số liệu trở đi."));
        return errors;
    }
}

/// <summary>One reporting period of a plan year: its data window (inclusive) and submission deadline.</summary>
public sealed record ReportingPeriod(
    int Year, ReportingPeriodKind Kind, DateOnly DataFrom, DateOnly DataTo, DateOnly Deadline)
{
    /// <summary>Short title: "Quý I/2025", "6 tháng/2025", "9 tháng/2025", "Năm 2025", "Đột xuất".</summary>
    public string Title => ReportingPeriods.Title(Kind, Year);
}

public static class ReportingPeriods
{
    /// <summary>The four periodic reports of a year, in order, with the plan's calendar.</summary>
    public static IReadOnlyList<ReportingPeriod> ForYear(int year, ReportingCalendar calendar) =>
    [
        Default(year, ReportingPeriodKind.Q1, calendar),
        Default(year, ReportingPeriodKind.SixMonths, calendar),
        Default(year, ReportingPeriodKind.Q3, calendar),
        Default(year, ReportingPeriodKind.Year, calendar),
    ];

    /// <summary>The default window and deadline of a periodic report.</summary>
    public static ReportingPeriod Default(int year, ReportingPeriodKind kind, ReportingCalendar calendar)
    {
        if (kind == ReportingPeriodKind.AdHoc)
            throw new ArgumentException("An ad-hoc request has no default window; use AdHoc().", nameof(kind));
        if (calendar.Validate().Count > 0)
            throw new ArgumentException("Invalid reporting calendar; call Validate() first.", nameof(calendar));

        int lastMonth = LastMonth(kind);
        var from = new DateOnly(year - 1, 12, calendar.CutOffDay + 1);
        var to = new DateOnly(year, lastMonth, calendar.CutOffDay);
        var deadline = new DateOnly(year, lastMonth, calendar.SubmitDay);
        return new ReportingPeriod(year, kind, from, to, deadline);
    }

    /// <summary>An ad-hoc request with its own window and deadline, checked.</summary>
    public static (ReportingPeriod? Period, IReadOnlyList<ValidationError> Errors) AdHoc(
        int year, DateOnly dataFrom, DateOnly dataTo, DateOnly deadline)
    {
        var errors = new List<ValidationError>();
        if (dataTo < dataFrom)
            errors.Add(new("DataTo", "Ngày cuối của số liệu phải sau hoặc trùng ngày đầu. Hãy sửa lại khoảng thời gian."));
        if (deadline < dataTo)
            errors.Add(new("Deadline", "Hạn gửi báo cáo không được trước ngày cuối của số liệu. Hãy chọn hạn gửi muộn hơn."));
        return errors.Count > 0
            ? (null, errors)
            : (new ReportingPeriod(year, ReportingPeriodKind.AdHoc, dataFrom, dataTo, deadline), errors);
    }

    /// <summary>
    /// The period agencies are working on: the first whose deadline is today or later; after the last
    /// deadline, the last period (still being chased). Null for an empty list.
    /// </summary>
    public static ReportingPeriod? Current(IReadOnlyList<ReportingPeriod> periods, DateOnly today)
    {
        ReportingPeriod? best = null;
        ReportingPeriod? latest = null;
        foreach (var p in periods)
        {
            if (p.Deadline >= today && (best is null || p.Deadline < best.Deadline)) best = p;
            if (latest is null || p.Deadline > latest.Deadline) latest = p;
        }
        return best ?? latest;
    }

    public static string Title(ReportingPeriodKind kind, int year) => kind switch
    {
        ReportingPeriodKind.Q1 => $"Quý I/{year}",
        ReportingPeriodKind.SixMonths => $"6 tháng/{year}",
        ReportingPeriodKind.Q3 => $"9 tháng/{year}",
        ReportingPeriodKind.Year => $"Năm {year}",
        _ => "Đột xuất",
    };

    /// <summary>Position of a periodic report in the year (1..4); null for ad hoc.</summary>
    public static int? Index(ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.Q1 => 1,
        ReportingPeriodKind.SixMonths => 2,
        ReportingPeriodKind.Q3 => 3,
        ReportingPeriodKind.Year => 4,
        _ => null,
    };

    /// <summary>
    /// The months a period's report is owed for, to decide which bodies owe it when the registry changes
    /// mid-year (DOMAIN §7): the calendar quarter ending in the period's last month (Q1: January–March,
    /// 6 months: April–June, 9 months: July–September, year: October–December); an ad-hoc request, its own
    /// data window. The cumulative windows would make a department merged on 01/03 owe the 6-month and the
    /// year report too, and a district abolished on 01/07 the 9-month report (the 9-month data window starts
    /// on 15/06); the quarter asks each body for the reports of the quarters it existed in, and its successor
    /// for the rest.
    /// </summary>
    public static (DateOnly From, DateOnly To) OwedFor(ReportingPeriodKind kind, int year, DateOnly dataFrom, DateOnly dataTo)
    {
        if (kind == ReportingPeriodKind.AdHoc) return (dataFrom, dataTo);
        var last = LastMonth(kind);
        return (new DateOnly(year, last - 2, 1), new DateOnly(year, last, DateTime.DaysInMonth(year, last)));
    }

    private static int LastMonth(ReportingPeriodKind kind) => kind switch
    {
        ReportingPeriodKind.Q1 => 3,
        ReportingPeriodKind.SixMonths => 6,
        ReportingPeriodKind.Q3 => 9,
        _ => 12,
    };
}
