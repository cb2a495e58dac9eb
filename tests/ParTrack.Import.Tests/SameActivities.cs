using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>The same plan read from two formats: same activities in the same order, every field equal.</summary>
internal static class SameActivities
{
    public static void Check(IReadOnlyList<PlanActivity> expected, IReadOnlyList<PlanActivity> actual, string label)
    {
        actual.Select(a => $"{a.Area}|{a.Task}|{a.Code}").Should().Equal(expected.Select(a => $"{a.Area}|{a.Task}|{a.Code}"), label);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var where = $"{label}: activity {e.Area} {e.Code}";
            a.Text.Should().Be(e.Text, where);
            a.Outputs.Should().Be(e.Outputs, where);
            a.Lead.Should().Equal(e.Lead, where);
            a.Support.Should().Equal(e.Support, where);
            a.Due.Should().Be(e.Due, where);
            a.Budget.Should().Be(e.Budget, where);
        }
    }
}
