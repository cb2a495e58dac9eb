using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ParTrack.Features.ParIndex;

/// <summary>A horizontal bar chart of index % as inline SVG (no script; the table below holds the figures).</summary>
public static class ParChart
{
    public static IHtmlContent Bars(string id, string captionId, IReadOnlyList<ResultRow> rows)
    {
        var h = HtmlEncoder.Default;
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.Append($"<svg id=\"{id}\" role=\"img\" aria-labelledby=\"{captionId}\" viewBox=\"0 0 720 {rows.Count * 26 + 10}\" width=\"100%\" class=\"par-chart\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (int k = 0; k < rows.Count; k++)
        {
            var r = rows[k];
            var y = k * 26 + 5;
            var w = (double)r.Result.IndexPercent * 3.2;
            var color = r.Result.Class switch { "A" => "#198754", "B" => "#0d6efd", "C" => "#b35c00", _ => "#dc3545" };
            var name = r.Name.Length > 44 ? r.Name[..43] + "…" : r.Name;
            var value = $"{ParFormat.Num(r.Result.IndexPercent)}% ({r.Result.Class})";
            sb.Append($"<text x=\"295\" y=\"{y + 15}\" text-anchor=\"end\" font-size=\"12\" fill=\"#212529\">{h.Encode(name)}</text>");
            sb.Append($"<rect x=\"300\" y=\"{y}\" width=\"{N(w)}\" height=\"20\" fill=\"{color}\"><title>{h.Encode(r.Name)}: {h.Encode(value)}</title></rect>");
            sb.Append($"<text x=\"{N(304 + w)}\" y=\"{y + 15}\" font-size=\"12\" fill=\"#212529\">{h.Encode(value)}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
