using System.Text;

namespace Vaarst.Growth.Web.Hosting;

/// <summary>How every CSV export is served: UTF-8 with a byte-order mark (so spreadsheets read accents), as an attachment, never sniffed or cached.</summary>
public static class CsvDownload
{
    public static IResult File(HttpContext http, string csv, string fileName)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", fileName);
    }
}
