using ParTrack.Import.Reading;

namespace ParTrack.Import.Layouts;

/// <summary>Reads số hiệu, type, issuer, place, date, signer, title and years. Owner: import-prose.</summary>
public static class DocumentFieldsReader
{
    public static PlanDocumentInfo Read(SourceDocument doc, int? yearOverride, List<ImportWarning> warnings) =>
        new() { FromYear = yearOverride, ToYear = yearOverride };
}
