using System.Security.Cryptography;

namespace ParTrack.Features.Satisfaction;

/// <summary>
/// Short codes for /ks/{code}: the length says what a code opens (5 a campaign, 6 a desk, 8 an invitation), so
/// one lookup suffices. Letters and digits that cannot be misread on a poster or a receipt (no 0/O, 1/I/L).
/// </summary>
public static class SurveyCodes
{
    public const int CampaignLength = 5, DeskLength = 6, InvitationLength = 8;
    const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New(int length) => RandomNumberGenerator.GetString(Alphabet, length);

    /// <summary>The code as typed or scanned (case and spaces ignored), or null when it cannot be one of ours.</summary>
    public static string? Normalize(string? code)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        return c.Length is CampaignLength or DeskLength or InvitationLength && c.All(Alphabet.Contains) ? c : null;
    }

    /// <summary>
    /// A dossier code as kept for "one response per dossier": its SHA-256 with the campaign, so the table shows no
    /// dossier codes and a hash from one campaign says nothing about another.
    /// </summary>
    public static string DossierHash(int campaignId, string dossierCode) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{campaignId}:{NormalizeDossier(dossierCode)}")));

    public static string NormalizeDossier(string dossierCode) =>
        new string((dossierCode ?? "").Where(ch => !char.IsWhiteSpace(ch)).ToArray()).ToUpperInvariant();
}
