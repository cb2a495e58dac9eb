namespace ParTrack.Domain.Kpis;

/// <summary>A KPI window [From, To]: calendar days in Vietnam, both ends included.</summary>
public sealed record KpiWindow(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
    public bool Contains(DateOnly? day) => day is { } d && Contains(d);
}
