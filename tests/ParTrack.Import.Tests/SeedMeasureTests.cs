using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>
/// Measures of every framework-table target, read by hand from the seeds.
/// Format: "area|code|measures" with measures "level:comparator:value:unit" joined by ";", "-" for none,
/// level "*" for null. A noun unit is compared by its first word ("sáng kiến", "biên chế", "cuộc").
/// </summary>
internal static class MeasureExpectations
{
    public static void Check(Layouts.Table.TableReadResult result, string line)
    {
        var p = line.Split('|');
        var target = result.Body.Targets.Where(t => t.Area == p[0] && t.Code == p[1])
            .Should().ContainSingle(line).Subject;
        var expected = p[2] == "-" ? [] : p[2].Split(';').Select(m => m.Split(':')).ToList();
        target.Measures.Should().HaveCount(expected.Count, $"{line} → {string.Join("; ", target.Measures)}");
        for (var i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var m = target.Measures[i];
            m.Level.Should().Be(e[0] == "*" ? null : e[0], line);
            m.Comparator.Should().Be(e[1], line);
            m.Value.Should().Be(decimal.Parse(e[2], System.Globalization.CultureInfo.InvariantCulture), line);
            if (e[3] == "%") m.Unit.Should().Be("%", line);
            else m.Unit.Should().NotBeNull(line).And.StartWith(e[3].Split(' ')[0], line);
        }
    }
}

public class Seed000MeasureTests
{
    private static readonly Lazy<Layouts.Table.TableReadResult> Table = new(() => SeedTable.Read("000", 2025).Result);

    public static readonly string[] Expected =
    [
        "I|1.1|-", "I|1.2|-",
        "I|1.3|*:atLeast:3:sáng kiến",
        "I|1.4|*:atLeast:35:%",
        "I|1.5|-", "I|1.6|-", "I|1.7|-",
        "II|1.1|*:atLeast:100:%", "II|1.2|*:atLeast:100:%", "II|1.3|*:atLeast:100:%",
        "III|1.1|-", "III|1.2|-",
        "III|1.3|*:atLeast:100:%;*:reduceBy:20:%;*:reduceBy:20:%",
        "III|1.4|*:atLeast:100:%",
        "III|1.5|province:atLeast:100:%;district:atLeast:100:%;commune:atLeast:95:%",
        "III|1.6|*:atLeast:100:%;*:atLeast:90:%",
        "III|1.7|*:atLeast:80:%;*:atLeast:70:%",
        "III|1.8|*:atLeast:95:%",
        "III|1.9|-",
        "III|1.10|*:atLeast:2:cuộc;*:atMost:3:cuộc",
        "IV|1.1|-",
        "IV|1.2|*:atLeast:100:%",
        "IV|1.3|*:reduceBy:28:biên chế",
        "V|1.1|*:atLeast:50:%",
        "V|1.2|*:atLeast:100:%",
        // "khoảng 02%": about 2 %, neither a floor nor a ceiling, so exactly (contract "Comparators").
        "V|1.3|*:exactly:2:%",
        "VI|1.1|-", "VI|1.2|-", "VI|1.3|-",
        "VI|1.4|*:atLeast:85:%",
        "VI|1.5|*:atLeast:100:%",
        "VI|1.6|-", "VI|1.7|-", "VI|1.8|-", "VI|1.9|-",
        "VII.1|1.1|*:atLeast:100:%",
        "VII.1|1.2|*:atLeast:100:%",
        "VII.1|1.3|*:atLeast:100:%;*:atLeast:80:%",
        "VII.1|1.4|*:atLeast:100:%;*:atLeast:100:%",
        "VII.1|1.5|*:atLeast:100:%;province:atLeast:100:%;district:atLeast:90:%;commune:atLeast:70:%;*:atLeast:100:%",
        "VII.2|1.1|*:atLeast:100:%",
        "VII.2|1.2|*:atLeast:10:Trung tâm;*:atLeast:1:Ban",
        "VII.2|1.3|*:atLeast:35:UBND",
        "VII.2|1.4|*:atLeast:20:%;*:atLeast:44:trường",
        "VII.2|1.5|*:atLeast:100:%",
        "VII.2|1.6|*:atLeast:25:%",
        "VII.2|1.7|*:atLeast:4:cuộc;*:atLeast:1:cuộc",
        "VII.2|1.8|-", "VII.2|1.9|-",
    ];

    public static IEnumerable<object[]> Rows() => Expected.Select(e => new object[] { e });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Target_HasTheMeasuresItCommitsTo(string line) => MeasureExpectations.Check(Table.Value, line);
}

public class Seed002MeasureTests
{
    private static readonly Lazy<Layouts.Table.TableReadResult> Table = new(() => SeedTable.Read("002", 2024).Result);

    public static readonly string[] Expected =
    [
        "I|1.1|-", "I|1.2|-",
        "I|1.3|*:atLeast:3:sáng kiến",
        "I|1.4|*:atLeast:35:%",
        "I|1.5|-", "I|1.6|-", "I|1.7|-",
        "II|1.1|*:atLeast:90:%", "II|1.2|*:atLeast:95:%", "II|1.3|*:atLeast:90:%", "II|1.4|-",
        "III|1.1|-", "III|1.2|-",
        "III|1.3|*:atLeast:100:%;*:reduceBy:20:%;*:reduceBy:20:%",
        "III|1.4|*:atLeast:100:%",
        // The page break splits this cell; the full text ends "cấp sở 90%, cấp huyện 80%, cấp xã 75%".
        "III|1.5|province:atLeast:90:%;district:atLeast:80:%;commune:atLeast:75:%",
        "III|1.6|*:atLeast:100:%;*:atLeast:70:%;*:atLeast:90:%",
        "III|1.7|*:atLeast:80:%;province:atLeast:50:%;district:atLeast:45:%;commune:atLeast:40:%",
        "III|1.8|*:atLeast:94:%",
        "III|1.9|*:atLeast:70:%",
        "III|1.10|-",
        "III|1.11|*:atLeast:2:cuộc;*:atMost:3:cuộc",
        "IV|1.1|-", "IV|1.2|-",
        "IV|1.3|*:reduceBy:28:biên chế;*:reduceBy:531:biên chế",
        "V|1.1|*:atLeast:50:%",
        "V|1.2|*:atLeast:85:%",
        "V|1.3|-", "V|1.4|-",
        "VI|1.1|*:atLeast:100:%;*:atLeast:100:%",
        "VI|1.2|*:atLeast:85:%",
        "VI|1.3|*:reduceBy:2.5:%",
        "VI|1.4|*:atLeast:2:đơn vị",
        "VII.A|1.1|*:atLeast:100:%",
        "VII.A|1.2|*:atLeast:70:%",
        "VII.A|1.3|*:atLeast:100:%",
        "VII.A|1.4|*:atLeast:30:%",
        "VII.A|1.5|-", "VII.A|1.6|-",
        "VII.B|1.1|*:atLeast:100:%",
        "VII.B|1.2|*:atLeast:13:Trung tâm",
        "VII.B|1.3|*:atLeast:27:%;*:atLeast:40:trường;*:atLeast:10:%;*:atLeast:23:trường",
        "VII.B|1.4|*:atLeast:33:UBND",
        "VII.B|1.5|*:atLeast:2:UBND",
        "VII.B|1.6|*:atLeast:100:%",
        "VII.B|1.7|*:atLeast:100:%",
        "VII.B|1.8|*:atLeast:25:%",
        "VII.B|1.9|*:atLeast:30:%",
    ];

    public static IEnumerable<object[]> Rows() => Expected.Select(e => new object[] { e });

    [Theory]
    [MemberData(nameof(Rows))]
    public void Target_HasTheMeasuresItCommitsTo(string line) => MeasureExpectations.Check(Table.Value, line);
}
