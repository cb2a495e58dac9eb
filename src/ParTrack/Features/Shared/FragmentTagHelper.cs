using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ParTrack.Features.Shared;

/// <summary>
/// <c>&lt;fragment key="@Model.Fragment"&gt;…&lt;/fragment&gt;</c>: the content rendered once per key and kept
/// (<see cref="FragmentCache"/>); a null key renders it every time. The element itself is not written.
/// </summary>
[HtmlTargetElement("fragment")]
public sealed class FragmentTagHelper(FragmentCache fragments, HtmlEncoder encoder) : TagHelper
{
    /// <summary>From <see cref="FragmentCache.Key"/>; null: not kept.</summary>
    public string? Key { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        // Razor writes a null key="@…" into a string attribute as "": empty is "not kept" too, or every viewer would share one entry.
        if (string.IsNullOrEmpty(Key)) return;   // the content is rendered in place, as written
        // The element's place in the page is part of the key: one page may keep several parts under one key.
        var html = await fragments.HtmlAsync($"{context.UniqueId}|{Key}", async () =>
        {
            var content = await output.GetChildContentAsync();
            await using var writer = new StringWriter();
            content.WriteTo(writer, encoder);
            return writer.ToString();
        });
        output.Content.SetHtmlContent(new Kept(html));
    }

    /// <summary>
    /// Kept HTML, written to the response as one string asynchronously: the page's writer then sends it straight on,
    /// where a synchronous write would copy it into the writer's 1 KB buffers first (allocated anew past the pool's few).
    /// </summary>
    sealed class Kept(string html) : IHtmlContent, IHtmlAsyncContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder) => writer.Write(html);

        public ValueTask WriteToAsync(TextWriter writer) => new(writer.WriteAsync(html));
    }
}
