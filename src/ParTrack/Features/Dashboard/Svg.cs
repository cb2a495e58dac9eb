using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace ParTrack.Features.Dashboard;

/// <summary>Small server-rendered SVG charts: no script, print well, and the page shows the same numbers as a table.</summary>
public static class Svg
{
    // A chart is drawn twice, wide and for phones (CSS shows one: reporting.css): a 680-unit drawing shrunk into a 360 px
    // phone turned its 12-unit labels into 6 px text (issue 10). The phone drawing is 300 units wide, so its labels stay
    // at 12 px or more on a 390 px phone; display:none keeps the hidden one out of the accessibility tree.
    const int PhoneWidth = 300;

    /// <summary>Horizontal bars of percentages (0–100), one per label; the table beside it carries the same data.</summary>
    public static IHtmlContent PercentBars(IReadOnlyList<(string Label, int Percent)> rows, string title) =>
        new HtmlString(WideBars(rows, title) + PhoneBars(rows, title));

    static string WideBars(IReadOnlyList<(string Label, int Percent)> rows, string title)
    {
        // Labels are upper-case Vietnamese area titles at 12px (about 8.5px a letter): 34 letters fit in 300px.
        const int rowHeight = 26, labelWidth = 300, barWidth = 320;
        var height = Math.Max(1, rows.Count) * rowHeight + 10;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart chart-wide\" role=\"img\" aria-label=\"{Esc(title)}\" viewBox=\"0 0 {labelWidth + barWidth + 60} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
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
        return sb.ToString();
    }

    /// <summary>The phone drawing: each label on its own line above its bar (12 units: about 36 letters in 300).</summary>
    static string PhoneBars(IReadOnlyList<(string Label, int Percent)> rows, string title)
    {
        const int rowHeight = 40, barWidth = PhoneWidth - 44;
        var height = Math.Max(1, rows.Count) * rowHeight + 6;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart chart-phone\" role=\"img\" aria-label=\"{Esc(title)}\" viewBox=\"0 0 {PhoneWidth} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, percent) = rows[i];
            var y = i * rowHeight + 4;
            var w = barWidth * Math.Clamp(percent, 0, 100) / 100;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 12}\" font-size=\"12\"><title>{Esc(label)}</title>{Esc(Short(label, 36))}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 17}\" width=\"{barWidth}\" height=\"14\" fill=\"#e9ecef\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{y + 17}\" width=\"{w}\" height=\"14\" fill=\"#0b6e4f\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{barWidth + 4}\" y=\"{y + 29}\" font-size=\"12\">{percent}%</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>One stacked bar of counts by category, with a legend.</summary>
    public static IHtmlContent Stacked(IReadOnlyList<(string Label, int Count, string Color)> parts, string title) =>
        new HtmlString(StackedBar(parts, title, 620, "chart chart-wide") + StackedBar(parts, title, PhoneWidth, "chart chart-phone"));

    static string StackedBar(IReadOnlyList<(string Label, int Count, string Color)> parts, string title, int width, string css)
    {
        var total = Math.Max(1, parts.Sum(p => p.Count));
        // The legend wraps to the drawing's width (12 units, about 6.6 a letter); its height follows the lines used.
        var legend = new StringBuilder();
        double lx = 0;
        var ly = 36;
        foreach (var (label, count, color) in parts)
        {
            var text = $"{label}: {count}";
            var need = 22 + text.Length * 6.6;
            if (lx > 0 && lx + need > width) { lx = 0; ly += 20; }
            legend.Append(CultureInfo.InvariantCulture, $"<rect x=\"{lx:0.##}\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"{color}\"/>");
            legend.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx + 16:0.##}\" y=\"{ly + 11}\" font-size=\"12\">{Esc(text)}</text>");
            lx += need;
        }
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"{css}\" role=\"img\" aria-label=\"{Esc(title)}\" viewBox=\"0 0 {width} {ly + 18}\" xmlns=\"http://www.w3.org/2000/svg\">");
        double x = 0;
        foreach (var (_, count, color) in parts)
        {
            var w = width * (double)count / total;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.##}\" y=\"0\" width=\"{w:0.##}\" height=\"24\" fill=\"{color}\"/>");
            x += w;
        }
        sb.Append(legend).Append("</svg>");
        return sb.ToString();
    }

    static string Esc(string s) => WebUtility.HtmlEncode(s);
    static string Short(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
