using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;

namespace IsoLedger.Api.Tests;

/// <summary>Numbers are numbers: the OpenAPI document describes every integer as an integer (not "integer or string
/// with a digit pattern"), and a body that sends a number as a string is refused, naming the field.</summary>
public class OpenApiNumberTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private IAlbaHost Host => api.Host;

    /// <summary>Every schema in the document: components, request bodies, responses, parameters, nested at any
    /// depth, with the path to it for the failure message.</summary>
    private static IEnumerable<(string Path, JsonObject Schema)> Schemas(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["type"] is not null || o["pattern"] is not null) yield return (path, o);
                foreach (var (key, child) in o)
                    foreach (var found in Schemas(child, $"{path}/{key}")) yield return found;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var found in Schemas(a[i], $"{path}/{i}")) yield return found;
                break;
        }
    }

    private static string[] Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => [.. types.Select(t => (string)t!)],
        JsonValue type when type.GetValueKind() == JsonValueKind.String => [(string)type!],
        _ => [],
    };

    [Fact]
    public async Task The_OpenAPI_document_describes_numbers_as_numbers_only()
    {
        var document = (await Host.Get("/openapi/v1.json", key: null).Expect(200)).Json;

        var loose = Schemas(document, "#")
            .Where(s => Types(s.Schema) is var types && (types.Contains("integer") || types.Contains("number"))
                && (types.Contains("string") || s.Schema["pattern"] is not null))
            .Select(s => s.Path)
            .ToList();
        Assert.True(loose.Count == 0, $"Numbers described as strings too: {string.Join(", ", loose)}");

        var integers = Schemas(document, "#").Where(s => Types(s.Schema).Contains("integer")).ToList();
        Assert.NotEmpty(integers);
        var unsized = integers.Where(s => (string?)s.Schema["format"] is not ("int32" or "int64"))
            .Select(s => s.Path).ToList();
        Assert.True(unsized.Count == 0, $"Integers without int32 or int64: {string.Join(", ", unsized)}");

        var members = document["components"]!["schemas"]!["FormSteeringBoardRequest"]!["properties"]!["members"]!;
        Assert.Contains("integer", Types(members.AsObject()));
        Assert.Equal("int32", (string?)members["format"]);
    }

    /// <summary>Each command's valid body with one of its numbers written otherwise by <paramref name="written"/>.
    /// </summary>
    private static TheoryData<string, string, string> WithNumbersWritten(Func<JsonNode, JsonNode> written)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in Routes.Commands)
        {
            var body = JsonNode.Parse(route.ValidBody)!.AsObject();
            foreach (var (field, value) in body.Where(p => p.Value?.GetValueKind() == JsonValueKind.Number).ToList())
            {
                var changed = JsonNode.Parse(route.ValidBody)!.AsObject();
                changed[field] = written(value!);
                data.Add(route.Path, changed.ToJsonString(), field);
            }
        }
        return data;
    }

    public static TheoryData<string, string, string> QuotedNumbers() =>
        WithNumbersWritten(value => value.ToJsonString());

    [Theory, MemberData(nameof(QuotedNumbers))]
    public async Task A_number_sent_as_a_string_is_refused_naming_the_field(string path, string body, string field)
    {
        const string code = "QT-QUOTED";
        if ((await Host.Get($"/api/units/{code}")).Status == 404) await Host.RegisterCommune(code);

        var answer = await Host.Post($"/api/units/{code}{path}", body, Keys.Recorder).Expect(400);
        Assert.StartsWith("Must be a whole number", (string?)answer.Json["errors"]![field]![0]);
    }

    public static TheoryData<string, string, string> FractionalCounts() => WithNumbersWritten(_ => 1.5);

    /// <summary>Every count of every command is told its own range, not the one of a 32-bit integer: the
    /// documentation's procedure counts and a scope change's had answered "from -2147483648 to 2147483647" for
    /// counts of 0 to 100 000.</summary>
    [Theory, MemberData(nameof(FractionalCounts))]
    public async Task A_fractional_count_is_told_the_field_s_own_range(string path, string body, string field)
    {
        const string code = "QT-RANGED";
        if ((await Host.Get($"/api/units/{code}")).Status == 404) await Host.RegisterCommune(code);

        var answer = await Host.Post($"/api/units/{code}{path}", body, Keys.Recorder).Expect(400);
        var told = (string)answer.Json["errors"]![field]![0]!;
        Assert.StartsWith("Must be a whole number from 0 to ", told);
        Assert.DoesNotContain("2147483647", told);
    }

    /// <summary>A count written with a fraction or an exponent, or past any whole number the field takes, is told the
    /// field's own range and how to write it: "a whole number from -2147483648 to 2147483647" answered 14.0, which is
    /// one, and 9007199254740993 for a board of at most 1000 members.</summary>
    [Theory]
    [InlineData("14.0")]
    [InlineData("1.4e1")]
    [InlineData("9007199254740993")]
    public async Task A_count_not_written_as_a_whole_number_of_its_range_is_told_both(string members)
    {
        const string code = "QT-WHOLE";
        if ((await Host.Get($"/api/units/{code}")).Status == 404) await Host.RegisterCommune(code);

        var answer = await Host.Post($"/api/units/{code}/steering-board",
            $$"""{"formedOn":"2016-03-01","members":{{members}}}""", Keys.Recorder).Expect(400);

        var told = (string?)answer.Json["errors"]!["members"]![0];
        Assert.Contains("from 0 to 1000", told);
        Assert.Contains("not 14.0", told);
    }
}
