using System.Text.Json;
using System.Text.Json.Serialization;

namespace IsoLedger.Api.Hosting;

/// <summary>Enumeration values as the API names them (kebab-case: <c>sub-department</c>), read strictly: exactly one
/// of the names, in their case. <see cref="JsonStringEnumConverter"/> also reads other cases and comma-separated
/// lists, which it combines as flags — <c>"inspection, complaint"</c> was recorded as a third source, and a combination
/// that is no value at all failed only when the event was written (500). <see cref="JsonBodies"/> checks every body
/// with it; the API's own options keep <see cref="JsonStringEnumConverter"/>, from which the OpenAPI document takes
/// each enumeration's values.</summary>
public sealed class StrictEnums : JsonConverterFactory
{
    private static readonly JsonSerializerOptions Names = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>The API's name of each value of <paramref name="type"/>, in declaration order.</summary>
    public static IReadOnlyList<string> NamesOf(Type type) =>
        [.. Enum.GetValues(type).Cast<object>().Select(value => JsonSerializer.Serialize(value, type, Names)[1..^1])];

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Strict<>).MakeGenericType(typeToConvert))!;

    private sealed class Strict<T> : JsonConverter<T> where T : struct, Enum
    {
        private readonly Dictionary<string, T> values;
        private readonly Dictionary<T, string> names;

        public Strict()
        {
            var all = Enum.GetValues<T>();
            var named = NamesOf(typeof(T));
            values = all.Select((value, i) => (named[i], value)).ToDictionary(p => p.Item1, p => p.value,
                StringComparer.Ordinal);
            names = values.ToDictionary(p => p.Value, p => p.Key);
        }

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()!) : throw Invalid();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Name(value));

        public override T ReadAsPropertyName(
            ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString()!);

        public override void WriteAsPropertyName(
            Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Name(value));

        private T Parse(string name) => values.TryGetValue(name, out var value) ? value : throw Invalid();

        private string Name(T value) => names.TryGetValue(value, out var name)
            ? name
            : throw new JsonException($"{value} is not a value of {typeof(T).Name}.");

        private JsonException Invalid() =>
            new($"Must be one of: {string.Join(", ", names.Values)}.");
    }
}
