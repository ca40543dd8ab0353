using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsoLedger.Api.Hosting;

/// <summary>A day in a body, read as <see cref="JsonBodies"/>' gate reads every body: a day the calendar lacks
/// (2024-02-30), written as asked, is told as no day, as a query's is (<see cref="Query.Date"/>); told "must be a date
/// as YYYY-MM-DD", its sender looked for a typing mistake there was not. Written as the framework writes it.</summary>
public sealed class StrictDays : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        if (text is not null && DateOnly.TryParseExact(
                text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        throw text is not null && Query.IsWrittenAsDay(text)
            ? JsonBodies.Refusing(Query.NoDay(text))
            : JsonBodies.Expecting("a date as YYYY-MM-DD");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
