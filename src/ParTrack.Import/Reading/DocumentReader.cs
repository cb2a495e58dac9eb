namespace ParTrack.Import.Reading;

/// <summary>Detects the format from the bytes and extracts lines and tables. Owner: import-core.</summary>
public static class DocumentReader
{
    /// <summary>Throws <see cref="ImportException"/> with a Vietnamese one-line reason when the document cannot be read.</summary>
    public static SourceDocument Read(byte[] content, string? fileName, List<ImportWarning> warnings)
    {
        // Placeholder until import-core lands: UTF-8 text only.
        var text = System.Text.Encoding.UTF8.GetString(content);
        return new SourceDocument(SourceFormat.Text, text.Replace("\r\n", "\n").Split('\n'), []);
    }
}
