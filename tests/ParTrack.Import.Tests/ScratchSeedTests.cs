using ParTrack.Import.Parsing;
namespace ParTrack.Import.Tests;
public class ScratchSeedTests
{
    [Fact]
    public void Dump()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var f in new[]{"000_a5b74ff242722c67.txt","003_9a38d09136b2a054.txt","004_a1becc1616e8feef.txt"})
        foreach (var line in File.ReadAllLines("/work/shared/seeds/" + f))
        {
            var cell = line.Split(" |")[0];
            if (!System.Text.RegularExpressions.Regex.IsMatch(cell, @"\d+ ?%|\d+ (sáng|cuộc|biên|trường|cơ quan)")) continue;
            var ms = MeasureParser.Parse(cell, out var unread);
            sb.AppendLine(f[..3] + " " + cell[..Math.Min(cell.Length, 400)]);
            sb.AppendLine("   => " + string.Join("; ", ms.Select(m => $"{m.Level ?? "-"} {m.Comparator} {m.Value} {m.Unit}")) + (unread ? " [UNREAD]" : ""));
        }
        File.WriteAllText("/tmp/measures.txt", sb.ToString());
    }
}
