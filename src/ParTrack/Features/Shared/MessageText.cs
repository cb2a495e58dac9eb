using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace ParTrack.Features.Shared;

/// <summary>
/// A message for the user (a refused form, an outcome of a feature service, what is missing) in the reader's language.
/// Services write Vietnamese, which is the resource key; many put values in it ("Năm 2031 nằm ngoài…"), and a formatted
/// text is not a key. So a text not found as it is is matched against the formats in the resources ("Năm {0} nằm
/// ngoài…"), and the English format is filled with the values read out of it. The API keeps the Vietnamese: only pages
/// call this. A text in neither form (user data, an English text already) is returned as it is.
/// </summary>
public static class MessageText
{
    /// <summary>
    /// Formats need this much fixed text to be tried as a pattern ("năm {0}" would read any text starting "năm"); the
    /// most specific format is tried first, and only on a text that is not a key itself.
    /// </summary>
    const int MinFixedLetters = 6;

    /// <summary>The shared resources' formats per language (the extension takes only that localizer, so one cache serves).</summary>
    static readonly ConcurrentDictionary<string, Format[]> FormatsByCulture = new();

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Message(this IStringLocalizer<SharedResource> T, string? text) => text is null ? null : Message(T, text, 0);

    /// <summary>A value read out of a format may be a message itself ("Tiêu chí {0}: {1}" around a file's refusal): one level more.</summary>
    static string Message(IStringLocalizer T, string text, int depth)
    {
        var found = T[text];
        if (!found.ResourceNotFound || text.Length == 0) return found.Value;
        foreach (var format in FormatsOf(T))
            if (format.Read(text) is { } values)
                return T[format.Key, [.. values.Select(v => depth < 1 && v.Any(char.IsLetter) ? Message(T, v, depth + 1) : v)]].Value;
        return text;
    }

    static Format[] FormatsOf(IStringLocalizer T) => FormatsByCulture.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ =>
    {
        IEnumerable<LocalizedString> all;
        // The default language (Vietnamese) has no resource file: its texts are the keys, nothing to translate.
        try { all = T.GetAllStrings(includeParentCultures: false).ToList(); }
        catch (System.Resources.MissingManifestResourceException) { return []; }
        return all.Select(s => Format.Of(s.Name)).OfType<Format>().Where(f => f.FixedLetters >= MinFixedLetters)
            .OrderByDescending(f => f.FixedLetters).ToArray();   // the most specific format first
    });

    /// <summary>A resource key with {0}… as a pattern that reads the values back out of a formatted text.</summary>
    sealed class Format(string key, Regex pattern, int count, int fixedLetters)
    {
        static readonly Regex Placeholder = new(@"\{(\d+)(?:[,:][^{}]*)?\}", RegexOptions.CultureInvariant);

        public string Key => key;
        public int FixedLetters => fixedLetters;

        public static Format? Of(string key)
        {
            var holes = Placeholder.Matches(key);
            if (holes.Count == 0 || key.Contains("{{")) return null;
            var regex = new StringBuilder("^");
            var seen = new HashSet<int>();
            var at = 0;
            foreach (Match hole in holes)
            {
                regex.Append(Regex.Escape(key[at..hole.Index]));
                var n = int.Parse(hole.Groups[1].Value, CultureInfo.InvariantCulture);
                regex.Append(seen.Add(n) ? $"(?<v{n}>.*?)" : $@"\k<v{n}>");
                at = hole.Index + hole.Length;
            }
            regex.Append(Regex.Escape(key[at..])).Append('$');
            var fixedText = Placeholder.Replace(key, "");
            return new Format(key, new Regex(regex.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)),
                seen.Max() + 1, fixedText.Count(char.IsLetter));
        }

        /// <summary>The values in <paramref name="text"/> when it is this format filled in; null otherwise.</summary>
        public string[]? Read(string text)
        {
            try
            {
                var m = pattern.Match(text);
                if (!m.Success) return null;
                return Enumerable.Range(0, count).Select(n => m.Groups[$"v{n}"].Value).ToArray();
            }
            catch (RegexMatchTimeoutException) { return null; }
        }
    }
}

/// <summary>
/// Every error a page shows in its form (ModelState: a handler's own, a feature service's outcome, binding and
/// validation messages) in the reader's language, in one place: after the handler, before the page renders.
/// </summary>
public sealed class FormErrorsInReaderLanguage : IPageFilter
{
    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
        if (context.ModelState.ErrorCount == 0) return;
        var T = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var entry in context.ModelState.Values)
            for (var i = 0; i < entry.Errors.Count; i++)
                if (entry.Errors[i] is { ErrorMessage.Length: > 0 } error && T.Message(error.ErrorMessage) is var text && text != error.ErrorMessage)
                    entry.Errors[i] = new ModelError(text);
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }
    public void OnPageHandlerExecuting(PageHandlerExecutingContext context) { }
}
