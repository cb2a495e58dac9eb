using System.Text;
using System.Text.RegularExpressions;

namespace ParTrack.Features.Agencies;

/// <summary>
/// The lookup key of a written agency name: NFC, lower-case, single spaces, no trailing '.', so
/// "Sở KH&amp;CN." and "sở  kh&amp;cn" find the same agency.
/// </summary>
public static partial class AliasKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        s = Spaces().Replace(s, " ").Trim();
        s = s.TrimEnd('.', ' ', ';', ',');
        return s;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
