using QRCoder;

namespace ParTrack.Features.Satisfaction;

/// <summary>QR codes of public form links (QRCoder): PNG for documents, SVG for print at any size.</summary>
public static class SurveyQr
{
    public static byte[] Png(string url, int pixelsPerModule = 10)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(10);
    }
}
