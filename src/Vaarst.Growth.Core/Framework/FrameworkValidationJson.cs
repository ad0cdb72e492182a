using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Vaarst.Growth.Core.Framework;

/// <summary>Writes a parse result as JSON, for checking framework content outside the app.</summary>
public static class FrameworkValidationJson
{
    // Statements are prose (apostrophes, accents, no-break spaces): relaxed escaping keeps them readable.
    private static readonly JsonWriterOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The result as <c>{"pages":[{"file","framework","craft","level","levelTitle","sections":[{"name","areas":[{"name","anchor","defined","statements"}]}]}],"problems":[{"file","line","message"}]}</c>.
    /// </summary>
    public static string Write(FrameworkParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, _options))
        {
            json.WriteStartObject();
            json.WriteStartArray("pages");
            foreach (var page in result.Pages)
            {
                WritePage(json, page);
            }

            json.WriteEndArray();
            json.WriteStartArray("problems");
            foreach (var problem in result.Problems)
            {
                json.WriteStartObject();
                json.WriteString("file", problem.File);
                json.WriteNumber("line", problem.Line);
                json.WriteString("message", problem.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WritePage(Utf8JsonWriter json, FrameworkPage page)
    {
        json.WriteStartObject();
        json.WriteString("file", page.File);
        json.WriteString("framework", page.Framework);
        json.WriteString("craft", page.Craft);
        json.WriteNumber("level", page.Level);
        json.WriteString("levelTitle", page.LevelTitle);
        json.WriteStartArray("sections");
        foreach (var section in page.Sections)
        {
            json.WriteStartObject();
            json.WriteString("name", section.Name);
            json.WriteStartArray("areas");
            foreach (var area in section.Areas)
            {
                json.WriteStartObject();
                json.WriteString("name", area.Name);
                json.WriteString("anchor", area.Anchor);
                json.WriteBoolean("defined", area.Defined);
                json.WriteStartArray("statements");
                foreach (var statement in area.Statements)
                {
                    json.WriteStringValue(statement);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
