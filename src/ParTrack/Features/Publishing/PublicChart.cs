using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Publishing;

/// <summary>
/// The chart of any public table, chosen from its columns so a new dataset needs no chart code: bars of the first
/// column whose name ends in "percent" (0–100), else of the first numeric column (scaled to its largest value),
/// labelled by the column named name / area / unit / label, else the first text column. A table without a numeric
/// column has no chart. Server-rendered SVG, labels at 12 px or more, named by the caption it points to; the table
/// beside it carries the same figures for screen readers.
/// </summary>
public static class PublicChart
{
    public sealed record Bars(string LabelTitle, string ValueTitle, bool IsPercent, IReadOnlyList<(string Label, decimal Value)> Rows);

    public static Bars? Of(PublicTable table)
    {
        var cols = table.Columns;
        var value = IndexOf(cols, c => c.Name.EndsWith("percent", StringComparison.Ordinal) && c.Type is "number" or "integer");
        var percent = value >= 0;
        if (!percent) value = IndexOf(cols, c => c.Type is "number" or "integer" && c.Name is not ("year" or "rank"));
        if (value < 0) return null;
        var label = IndexOf(cols, c => c.Type == "string" && c.Name is "name" or "area" or "unit" or "label");
        if (label < 0) label = IndexOf(cols, c => c.Type == "string" && c.Name != "period" && !c.Name.EndsWith("_code", StringComparison.Ordinal));
        if (label < 0) return null;
        var rows = table.Rows.Where(r => r[value] is not null)
            .Select(r => (Convert.ToString(r[label], CultureInfo.InvariantCulture) ?? "", Convert.ToDecimal(r[value], CultureInfo.InvariantCulture))).ToList();
        return rows.Count == 0 ? null : new Bars(cols[label].Title, cols[value].Title, percent, rows);
    }

    static int IndexOf(IReadOnlyList<PublicColumn> cols, Func<PublicColumn, bool> test)
    {
        for (var i = 0; i < cols.Count; i++) if (test(cols[i])) return i;
        return -1;
    }

    /// <summary>The SVG; <paramref name="captionId"/> is the element that names the chart.</summary>
    public static IHtmlContent Svg(Bars bars, string captionId)
    {
        const int rowHeight = 28, labelWidth = 300, barWidth = 300;
        var max = bars.IsPercent ? 100m : Math.Max(1m, bars.Rows.Max(r => r.Value));
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart public-chart\" role=\"img\" aria-labelledby=\"{captionId}\" viewBox=\"0 0 {labelWidth + barWidth + 80} {bars.Rows.Count * rowHeight + 8}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Rows.Count; i++)
        {
            var (label, value) = bars.Rows[i];
            var y = i * rowHeight + 4;
            var w = (double)(barWidth * Math.Clamp(value, 0, max) / max);
            var shown = PublicTableJson.Display(value) + (bars.IsPercent ? "%" : "");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"13\" fill=\"#212529\"><title>{Esc(label)}</title>{Esc(Short(label, 40))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{barWidth}\" height=\"18\" fill=\"#e9ecef\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.##}\" height=\"18\" fill=\"#0b6e4f\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 6}\" y=\"{y + 17}\" font-size=\"13\" fill=\"#212529\">{Esc(shown)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    static string Esc(string s) => WebUtility.HtmlEncode(s);
    static string Short(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
