using System.Text.Json;
using System.Text.Json.Nodes;

namespace IsoLedger.Api.Tests;

/// <summary>Checks a JSON answer against the schema the OpenAPI document gives for it, in the parts of JSON Schema the
/// document uses: references, <c>oneOf</c>/<c>anyOf</c>/<c>allOf</c>, types (one or a list), enumerations, objects'
/// properties, required members, closed members and the schema of the others (a map's values), and arrays' items.
/// Formats are not checked.</summary>
public sealed class DocumentedAnswers(JsonNode document)
{
    /// <summary>Where <paramref name="value"/> breaks the schema of the answer <paramref name="status"/> of
    /// <paramref name="method"/> <paramref name="path"/> (as the document names them) in <paramref name="media"/>, as
    /// JSON paths with the reason.</summary>
    public List<string> Mismatches(
        string path, string method, int status, JsonNode? value, string media = "application/json")
    {
        var schema = document["paths"]![path]![method]!["responses"]![status.ToString()]!["content"]!
            [media]!["schema"]!;
        var found = new List<string>();
        Check(value, schema, "$", found);
        return found;
    }

    private JsonNode Resolve(JsonNode schema) =>
        schema["$ref"] is { } reference
            ? Resolve(document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!)
            : schema;

    private void Check(JsonNode? value, JsonNode schema, string at, List<string> found)
    {
        schema = Resolve(schema);
        if (schema["oneOf"] is JsonArray oneOf)
        {
            var matching = oneOf.Count(option => Matches(value, option!));
            if (matching != 1) found.Add($"{at}: matches {matching} of the oneOf's {oneOf.Count} schemas");
        }
        if (schema["anyOf"] is JsonArray anyOf && !anyOf.Any(option => Matches(value, option!)))
            found.Add($"{at}: matches none of the anyOf's schemas");
        if (schema["allOf"] is JsonArray allOf)
            foreach (var part in allOf) Check(value, part!, at, found);
        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
            found.Add($"{at}: {value?.ToJsonString() ?? "null"} is not one of {values.ToJsonString()}");
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => (string)t!).ToArray(),
            JsonValue one => [(string)one!],
            _ => null,
        };
        if (types is not null && !types.Contains(TypeOf(value))
            && !(TypeOf(value) == "integer" && types.Contains("number")))
        {
            found.Add($"{at}: {TypeOf(value)} where the document says {string.Join(" or ", types)}");
            return;
        }
        if (value is JsonObject members)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (var required in schema["required"]?.AsArray() ?? [])
                if (!members.ContainsKey((string)required!)) found.Add($"{at}: no {required}, which is required");
            foreach (var (name, member) in members)
            {
                if (properties?[name] is { } property) Check(member, property, $"{at}.{name}", found);
                else if (schema["additionalProperties"] is JsonValue open && !(bool)open)
                    found.Add($"{at}: {name} is not among the documented members");
                else if (schema["additionalProperties"] is JsonObject others)
                    Check(member, others, $"{at}.{name}", found);
            }
        }
        if (value is JsonArray items && schema["items"] is { } itemSchema)
            for (var i = 0; i < items.Count; i++) Check(items[i], itemSchema, $"{at}[{i}]", found);
    }

    private bool Matches(JsonNode? value, JsonNode schema)
    {
        var found = new List<string>();
        Check(value, schema, "$", found);
        return found.Count == 0;
    }

    private static string TypeOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => value.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 ? "integer" : "number",
        _ => "unknown",
    };
}
