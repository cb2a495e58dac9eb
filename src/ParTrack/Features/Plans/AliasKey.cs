using System.Text;
using System.Text.RegularExpressions;

namespace ParTrack.Features.Plans;

/// <summary>The lookup key of a written body name: NFC, lower case, single spaces, no trailing punctuation.</summary>
public static partial class AliasKey
{
    public static string Of(string text)
    {
        var s = Spaces().Replace(text.Normalize(NormalizationForm.FormC), " ").Trim();
        s = s.TrimEnd('.', ',', ';', ':', ' ');
        return s.ToLowerInvariant();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
