namespace ParTrack.Features.Shared;

/// <summary>
/// Where a `returnUrl` may send the browser: a path on this site only. `//evil`, `/\evil` (browsers read
/// a backslash as a slash), absolute addresses and control characters fall back, so an open redirect is
/// impossible and LocalRedirect never throws (it did: 500 after the change was already saved).
/// </summary>
public static class LocalUrl
{
    public static string OrDefault(string? url, string fallback) => IsSafe(url) ? url! : fallback;

    public static bool IsSafe(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\');
}
