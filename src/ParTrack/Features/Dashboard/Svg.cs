using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace ParTrack.Features.Dashboard;

/// <summary>Small server-rendered SVG charts: no script, print well, and the page shows the same numbers as a table.</summary>
public static class Svg
{
    /// <summary>Horizontal bars of percentages (0–100), one per label; aria-hidden because the table beside it carries the data.</summary>
    public static IHtmlContent PercentBars(IReadOnlyList<(string Label, int Percent)> rows, string title)
    {
        // Labels are upper-case Vietnamese area titles at 12px (about 8.5px a letter): 34 letters fit in 300px.
        const int rowHeight = 26, labelWidth = 300, barWidth = 320;
        var height = Math.Max(1, rows.Count) * rowHeight + 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{Esc(title)}\" viewBox=\"0 0 {labelWidth + barWidth + 60} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, percent) = rows[i];
            var y = i * rowHeight + 5;
            var w = barWidth * Math.Clamp(percent, 0, 100) / 100;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 16}\" text-anchor=\"end\" font-size=\"12\"><title>{Esc(label)}</title>{Esc(Short(label, 34))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{barWidth}\" height=\"16\" fill=\"#e9ecef\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w}\" height=\"16\" fill=\"#0b6e4f\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + barWidth + 6}\" y=\"{y + 16}\" font-size=\"12\">{percent}%</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    /// <summary>One stacked bar of counts by category, with a legend.</summary>
    public static IHtmlContent Stacked(IReadOnlyList<(string Label, int Count, string Color)> parts, string title)
    {
        var total = Math.Max(1, parts.Sum(p => p.Count));
        const int width = 620;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{Esc(title)}\" viewBox=\"0 0 {width} 90\" xmlns=\"http://www.w3.org/2000/svg\">");
        double x = 0;
        foreach (var (_, count, color) in parts)
        {
            var w = width * (double)count / total;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"0\" width=\"{w:0.##}\" height=\"24\" fill=\"{color}\"/>");
            x += w;
        }
        double lx = 0;
        var ly = 36;
        foreach (var (label, count, color) in parts)
        {
            var text = $"{label}: {count}";
            var need = 22 + text.Length * 6.2;
            if (lx > 0 && lx + need > width) { lx = 0; ly += 20; }   // wrap the legend
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0.##}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{color}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 16:0.##}\" y=\"{ly + 11}\" font-size=\"11\">{Esc(text)}</text>");
            lx += need;
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }

    static string Esc(string s) => WebUtility.HtmlEncode(s);
    static string Short(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
