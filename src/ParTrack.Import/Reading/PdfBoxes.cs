using System.Globalization;
using System.Text;
using System.Xml;
using ParTrack.Import.Layouts.Table;

namespace ParTrack.Import.Reading;

/// <summary>
/// Pages and words of `pdftotext -bbox-layout` (XHTML: &lt;page width height&gt; holding &lt;word xMin yMin xMax yMax&gt;),
/// read as a stream straight from the tool's output. The whole XHTML is about 70 KB a page (2 MB for 28 pages);
/// holding it as one string and matching it with regular expressions cost more than the rest of the import,
/// while the words themselves are a few KB a page.
/// </summary>
internal static class PdfBoxes
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // The output names the XHTML DTD on the web: never fetch it.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        // pdftotext copies control characters from broken fonts into words; they are not worth refusing the table for.
        CheckCharacters = false,
        IgnoreWhitespace = true,
        IgnoreComments = true,
    };

    public static List<PdfPage> Read(TextReader output)
    {
        var pages = new List<PdfPage>();
        using var xml = XmlReader.Create(output, Settings);
        List<PdfWord>? words = null;
        double width = 0, height = 0;
        var more = xml.Read();
        while (more)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "word" && words is not null)
            {
                var (x0, y0, x1, y1) = (Number(xml, "xMin"), Number(xml, "yMin"), Number(xml, "xMax"), Number(xml, "yMax"));
                // This moves past the word's end tag, onto the next node: do not Read() again.
                var text = xml.ReadElementContentAsString();
                if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);
                text = text.Trim();
                if (text.Length > 0) words.Add(new PdfWord(text, x0, y0, x1, y1));
                more = !xml.EOF;
                continue;
            }
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "page")
            {
                (width, height) = (Number(xml, "width"), Number(xml, "height"));
                words = [];
                if (xml.IsEmptyElement)
                {
                    pages.Add(new PdfPage(width, height, words));
                    words = null;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "page" && words is not null)
            {
                pages.Add(new PdfPage(width, height, words));
                words = null;
            }
            more = xml.Read();
        }
        return pages;
    }

    private static double Number(XmlReader xml, string attribute) =>
        double.TryParse(xml.GetAttribute(attribute), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
