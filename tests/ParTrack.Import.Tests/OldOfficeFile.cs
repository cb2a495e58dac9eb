using System.Text;

namespace ParTrack.Import.Tests;

/// <summary>
/// The start of an old Office (OLE2 compound) file naming the given streams: enough for the importer to tell
/// .doc from .xls from a password-protected DOCX, which is what the detection tests need.
/// </summary>
internal static class OldOfficeFile
{
    public static byte[] With(params string[] streamNames)
    {
        var bytes = new List<byte> { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
        bytes.AddRange(new byte[504]);
        foreach (var name in streamNames)
        {
            bytes.AddRange(Encoding.Unicode.GetBytes(name));
            bytes.AddRange(new byte[128 - 2 * name.Length]);
        }
        return [.. bytes];
    }
}
