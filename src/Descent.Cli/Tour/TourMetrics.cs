using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Descent.Cli.Tour;

/// <summary>
/// metrics.json of the tour: <c>{"format": "descent-tour", "formatVersion": 1, "summary": [...], "chapters":
/// {"linear_regression": {...}, ...}}</c>, keys in the order written, numbers in shortest round-trip form (a
/// non-finite number as null), indented, LF line ends.
/// </summary>
internal static class TourMetrics
{
    public const string Format = "descent-tour";
    public const int FormatVersion = 1;

    public static string ToJson(IReadOnlyList<ChapterWriter> chapters)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteStartArray("summary");
            foreach (var chapter in chapters)
            {
                var row = chapter.Summary!;
                json.WriteStartObject();
                json.WriteNumber("step", row.Step);
                json.WriteString("chapter", row.Chapter);
                json.WriteString("model", row.Model);
                json.WriteString("data", row.Data);
                json.WriteString("metric", row.Metric);
                json.WriteString("value", row.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("chapters");
            foreach (var chapter in chapters)
            {
                json.WriteStartObject(chapter.Chapter.Key);
                json.WriteString("title", chapter.Chapter.Title);
                foreach (var (key, value) in chapter.Metrics)
                {
                    json.WritePropertyName(key);
                    WriteValue(json, value);
                }
                json.WriteStartArray("figures");
                foreach (var figure in chapter.Figures)
                    json.WriteStringValue(figure.FileName);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case double number:
                WriteNumber(json, number);
                break;
            case int count:
                json.WriteNumberValue(count);
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case double[] numbers:
                json.WriteStartArray();
                foreach (double number in numbers) WriteNumber(json, number);
                json.WriteEndArray();
                break;
            case string[] texts:
                json.WriteStartArray();
                foreach (string text in texts) json.WriteStringValue(text);
                json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"tour metrics: cannot write a {value.GetType().Name}.");
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, double number)
    {
        if (double.IsFinite(number)) json.WriteNumberValue(number);
        else json.WriteNullValue();
    }
}
