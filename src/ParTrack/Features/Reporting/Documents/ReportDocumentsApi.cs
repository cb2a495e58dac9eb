using ParTrack.Features.Accounts;
using ParTrack.Features.Shared;
using ParTrack.Import;
using ParTrack.Import.Reading;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>The province's report as a file for integrations: the period's current text (latest saved version, else the fresh draft).</summary>
public static class ReportDocumentsApi
{
    public const string PdfType = "application/pdf";

    public static void MapReportDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiGroup("/api", "Progress");
        api.MapGet("/reports/consolidated", GetConsolidated)
            .WithSummary("The province's report for a period as DOCX, XLSX or PDF")
            .WithDescription("format=docx (default): the report in the official form (Decree 30/2020), the coordinator's latest saved version or else " +
                             "the draft from the data; format=xlsx: the annex workbook (per agency and activity, timeliness); format=pdf: the DOCX printed by " +
                             "LibreOffice (503 when the server has none). For coordinators and leaders; 403 for agency officers.")
            .Produces(200, null, FileStore.DocxType, FileStore.XlsxType, PdfType)
            .ProducesProblem(403).ProducesProblem(404).ProducesProblem(503).ProducesValidationProblem();
    }

    static async Task<IResult> GetConsolidated(int? periodId, string? format, ConsolidatedReport reports, CurrentUser me, CancellationToken ct)
    {
        if (me.IsOfficer) return Results.Problem(statusCode: 403, title: "Báo cáo của tỉnh dành cho Sở Nội vụ và lãnh đạo; cơ quan tải báo cáo của mình trên trang báo cáo.");
        if (periodId is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["periodId"] = ["Hãy chọn kỳ báo cáo (periodId)."] });
        var kind = (format ?? "docx").Trim().ToLowerInvariant();
        if (kind is not ("docx" or "xlsx" or "pdf"))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Định dạng phải là docx, xlsx hoặc pdf."] });
        var file = kind == "xlsx" ? await reports.XlsxAsync(periodId.Value, ct) : await reports.DocxAsync(periodId.Value, ct);
        if (file is null) return Results.Problem(statusCode: 404, title: "Không tìm thấy kỳ báo cáo này.");
        if (kind != "pdf") return Results.File(file.Content, file.ContentType, file.Name);
        try
        {
            var pdf = await Task.Run(() => OfficeConverter.ToPdf(file.Content), ct);
            return Results.File(pdf, PdfType, Path.ChangeExtension(file.Name, ".pdf"));
        }
        catch (ImportException e)
        {
            return Results.Problem(statusCode: 503, title: e.Message);
        }
    }
}
