using System.Text.Json;
using Microsoft.Playwright;

namespace ParTrack.E2E.Infrastructure;

/// <summary>
/// The one axe-core runner of the browser tests (tests/ParTrack.E2E/axe, `npm ci` there; test.sh does it): the WCAG 2.2
/// A/AA rules, and the serious or critical findings as readable lines (rule, help, the first elements).
/// </summary>
public static class Axe
{
    static readonly Lazy<string> Script = new(() => File.ReadAllText(Path.Combine(Folder(), "axe.min.js")));

    static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "ParTrack.E2E", "axe", "node_modules", "axe-core");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("axe-core is not installed: run `npm ci` in tests/ParTrack.E2E/axe.");
    }

    /// <summary>The serious and critical WCAG 2.2 A/AA findings on the page as it is now; empty when it passes.</summary>
    public static async Task<IReadOnlyList<string>> SeriousProblemsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (no inline script) does not block it.
        await page.EvaluateAsync(Script.Value);
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))
                .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' → ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))
            """);
        return found.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
