using System.Globalization;

namespace ParTrack.Domain;

/// <summary>Numbers as Vietnamese readers write them: decimal comma, no trailing zeros ("0,5", "12,25").</summary>
internal static class NumberText
{
    // Formatted by hand rather than with the vi-VN culture so output does not depend on ICU data.
    public static string Vietnamese(decimal value) =>
        value.ToString("0.##", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string English(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static bool IsEnglish(CultureInfo? culture) =>
        culture is not null && culture.TwoLetterISOLanguageName == "en";
}
