using System.Globalization;
using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using ParTrack.Data;
using ParTrack.Domain;

namespace ParTrack.Features.Shared;

/// <summary>
/// Rendered HTML kept per data version (issue 17; docs/benchmarks.md, "Rendered fragments"). A heavy page wraps the
/// part that costs in <c>&lt;fragment key="@key"&gt;</c> (<see cref="FragmentTagHelper"/>) with a key made here.
/// The content runs only on a miss (so the data it loads with <c>@await</c> is not read at all on a hit), once for
/// requests arriving together; the kept HTML is bounded in memory (Performance:FragmentCacheMegabytes, the least used
/// go first). A hit is sent as one string written straight to the response: the built-in cache tag helper copied its
/// 370 KB into the page's 1 KB buffers on every request, a quarter of a cached page's CPU time (docs/benchmarks.md).
/// The key holds the page's identity, the viewer's scope, the UI language, today's date (deadline words) and
/// <see cref="DataVersion"/> read before anything is read, so any write makes the next request render afresh for
/// every viewer. Never inside a fragment: a form that posts (its antiforgery token), the user's name, or anything
/// the scope part of the key does not decide.
/// </summary>
public sealed class FragmentCache(DataVersion version, IConfiguration config, TimeProvider clock, IHttpContextAccessor http)
{
    // Read once: every read of the app's configuration takes a lock, which requests queued on under load (profiled).
    /// <summary>Performance:FragmentCache=false renders every fragment every time.</summary>
    public bool Enabled { get; } = config.GetValue("Performance:FragmentCache", true);

    /// <summary>How long an entry may stay: entries of older data versions are never asked for again, this frees them.</summary>
    public TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(Math.Max(1, config.GetValue("Performance:FragmentCacheMinutes", 10)));

    /// <summary>
    /// The key of a page's fragment, or null (render, do not keep) when caching is off or the request is not a GET: a
    /// form shown again after a post holds what was typed. Call it before the page reads anything.
    /// </summary>
    /// <param name="page">what the page shows: its path and the parameters and filters that change the content</param>
    /// <param name="scope">who may see what in it: <see cref="ScopeOf"/>, and what the viewer may do there</param>
    public string? Key(string page, string scope)
    {
        if (!Enabled || !HttpMethods.IsGet(http.HttpContext?.Request.Method ?? "")) return null;
        var today = VietnamTime.Today(clock).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return string.Join('|', page, scope, CultureInfo.CurrentUICulture.Name, today, version.Current.ToString(CultureInfo.InvariantCulture));
    }

    readonly MemoryCache _html = new(new MemoryCacheOptions
    {
        SizeLimit = Math.Max(1, config.GetValue("Performance:FragmentCacheMegabytes", 100)) * 1024L * 1024L,
    });
    readonly ConcurrentDictionary<string, Task<string>> _rendering = new();

    /// <summary>
    /// The HTML kept under the key, else <paramref name="render"/>'s, kept. Requests asking for the same key while it
    /// renders wait for that one rendering instead of each reading the data again.
    /// </summary>
    public async Task<string> HtmlAsync(string key, Func<Task<string>> render)
    {
        if (_html.TryGetValue(key, out string? kept)) return kept!;
        var mine = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _rendering.GetOrAdd(key, mine.Task);
        if (running != mine.Task) return await running;
        try
        {
            var html = await render();
            _html.Set(key, html, new MemoryCacheEntryOptions { Size = html.Length * 2L, AbsoluteExpirationRelativeToNow = Lifetime });
            mine.SetResult(html);
            return html;
        }
        catch (Exception e)
        {
            mine.SetException(e);
            _ = mine.Task.Exception;   // observed: a waiter, if any, gets it too
            throw;
        }
        finally
        {
            _rendering.TryRemove(key, out _);
        }
    }

    readonly ConcurrentDictionary<string, byte> _done = new();

    /// <summary>
    /// Runs a page's step that only brings the data up to date with itself (a draft report gaining the activities assigned
    /// since) once per key, so once per data version: until something is written there is nothing new to bring. Always
    /// runs when the key is null (not cached).
    /// </summary>
    public async Task OnceAsync(string? key, Func<Task> step)
    {
        if (key is not null && _done.ContainsKey(key)) return;
        await step();
        if (key is null) return;
        if (_done.Count > 10_000) _done.Clear();   // keys of older data versions are never asked for again
        _done.TryAdd(key, 0);
    }

    /// <summary>The viewer's role and agency: two viewers with the same see the same (an officer's merged bodies are registry data, under the data version).</summary>
    public static string ScopeOf(Scope scope) => $"{scope.Role}:{scope.AgencyId}";

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<FragmentCache>();
        services.AddSingleton<SteadyReads>();
    }
}
