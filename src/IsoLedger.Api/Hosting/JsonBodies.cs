using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using IsoLedger.Domain.LegalBasis;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace IsoLedger.Api.Hosting;

/// <summary>The one gate every JSON request body passes before an endpoint sees it: the body is read with the API's
/// strict JSON options into the endpoint's request type, and anything that is not such an object — <c>null</c>, an
/// array, a number, a string, a wrong type in any field, a number out of range, a duplicate or unknown field, nesting
/// too deep, invalid UTF-8 — answers 400 problem+json with the errors keyed by the field (<c>body</c> for the body as
/// a whole). Endpoints then bind the same bytes with the same options, so they only ever see a well-formed request.
/// </summary>
public static partial class JsonBodies
{
    public const string BodyField = "body";

    public static IApplicationBuilder UseJsonBodies(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var requestType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (requestType is null)
        {
            await next(context);
            return;
        }
        // The type is application/json, in any letter case (RequestShape.UseBodyTypes), named so for the binding that
        // follows, which refused APPLICATION/JSON.
        context.Request.ContentType = JsonMediaType;
        // The answer is JSON (a problem application/problem+json) whatever Accept says, as every read answers: the
        // framework had refused a command from a client accepting text/csv alone with a plain-text 406.
        context.Request.Headers.Remove(HeaderNames.Accept);
        // Held in memory whole (a JSON body is at most Protection.MaxJsonBodyBytes): past 30 KB the framework wrote the
        // rest to its temporary folder, and a folder it could not write (missing, full) answered 500.
        context.Request.EnableBuffering(bufferThreshold: (int)Protection.MaxJsonBodyBytes);
        var options = context.RequestServices
            .GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()
            .Value.SerializerOptions;
        var errors = await Check(context.Request.Body, requestType, Strict(options), context.RequestAborted);
        if (errors is not null)
        {
            await Results.Problem(Problems.Invalid(errors)).ExecuteAsync(context);
            return;
        }
        context.Request.Body.Position = 0;
        await next(context);
    });

    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> StrictOptions = new();

    /// <summary><paramref name="options"/> reading enumeration values strictly (<see cref="StrictEnums"/>): a body that
    /// passes the gate reads the same with either.</summary>
    public static JsonSerializerOptions Strict(JsonSerializerOptions options) =>
        StrictOptions.GetValue(options, lenient =>
        {
            var strict = new JsonSerializerOptions(lenient);
            strict.Converters.Insert(0, new StrictEnums());
            strict.Converters.Insert(0, new StrictDays());
            return strict;
        });

    private const string JsonMediaType = "application/json";

    /// <summary>The field errors of a body that is not a <paramref name="requestType"/>, or null when it is
    /// one.</summary>
    public static async Task<Dictionary<string, string[]>?> Check(
        Stream body, Type requestType, JsonSerializerOptions options, CancellationToken cancellation)
    {
        try
        {
            var request = await JsonSerializer.DeserializeAsync(body, requestType, options, cancellation);
            return request is null ? Error(BodyField, "Send a JSON object, not null.") : null;
        }
        catch (JsonException exception)
        {
            return Describe(exception, requestType);
        }
    }

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };

    /// <summary>Keys of what a converter adds to its <see cref="JsonException"/>: the path of the error inside the
    /// value it read, and what the value must be.</summary>
    private const string PathWithin = "IsoLedger.PathWithin";
    private const string ExpectedValue = "IsoLedger.Expected";
    private const string Refusal = "IsoLedger.Refusal";

    /// <summary>An error from inside a value a converter read on its own (its path begins at that value), thrown on
    /// without a path, so that the body's reader gives it the value's path and the path within goes after it.
    /// </summary>
    public static JsonException Within(JsonException inner) =>
        new(inner.Message, inner) { Data = { [PathWithin] = (inner.Path ?? "$")[1..] } };

    /// <summary>A value a converter does not take: it must be <paramref name="expected"/>.</summary>
    public static JsonException Expecting(string expected) =>
        new($"Must be {expected}.") { Data = { [ExpectedValue] = expected } };

    /// <summary>A value a converter does not take, for the reason <paramref name="detail"/> says (a sentence of its
    /// own).</summary>
    public static JsonException Refusing(string detail) => new(detail) { Data = { [Refusal] = detail } };

    /// <summary>Names the field and what it takes, in the client's terms: never the .NET type behind it.</summary>
    private static Dictionary<string, string[]> Describe(JsonException exception, Type requestType)
    {
        var fullPath = exception.Path + (exception.Data[PathWithin] as string);
        if (exception.Data[PathWithin] is not null && exception.InnerException is JsonException inner)
            exception = inner;
        var message = exception.Message;
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            var path = FieldOf(fullPath);
            var name = unmapped.Groups[1].Value;
            return Error(path == name || path.EndsWith($".{name}", StringComparison.Ordinal) ? path : Join(path, name),
                "This field is not part of the request.");
        }
        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
            return Error(FieldOf(fullPath), "This field appears more than once.");
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return Error(FieldOf(fullPath), "The body is nested too deeply.");
        if (exception.InnerException
            is InvalidOperationException { InnerException: System.Text.DecoderFallbackException })
            return Error(FieldOf(fullPath), "Not valid UTF-8 text.");
        // Half a surrogate pair written as an escape ("\uD800"): a string, but none of text.
        if (exception.InnerException is InvalidOperationException invalidText
            && invalidText.Message.Contains("UTF-16", StringComparison.Ordinal))
            return Error(FieldOf(fullPath), Validation.NotText);
        if (exception.InnerException?.GetType().Name == "JsonReaderException")
            return Error(BodyField, $"Not valid JSON: {Plain(exception.InnerException.Message)} "
                + $"(line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).");
        var field = FieldOf(fullPath);
        if (exception.Data[ExpectedValue] is string expected) return Error(field, $"Must be {expected}.");
        if (exception.Data[Refusal] is string refusal) return Error(field, refusal);
        return Error(field, TypeAt(requestType, fullPath) is var (type, property)
            ? $"Must be {Expected(type, property)}."
            : "This value has the wrong type.");
    }

    private static string Join(string parent, string child) => parent == BodyField ? child : $"{parent}.{child}";

    /// <summary><c>$.parts[0].kind</c> → <c>parts[0].kind</c>; the root is the body.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? BodyField
        : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : path;

    /// <summary>The declared type a JSON path leads to, and the property it was last read through (none for the body
    /// or a list's element), if the path can be followed.</summary>
    private static (Type Type, PropertyInfo? Property)? TypeAt(Type root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return (root, null);
        var type = root;
        PropertyInfo? property = null;
        foreach (Match step in PathStep().Matches(path))
        {
            if (step.Groups["index"].Success)
            {
                type = ElementType(type);
                property = null;
            }
            else
            {
                // A list read from one object too (OneOrMany): its members are its element's.
                if (type != typeof(string) && ElementType(type) is { } element) type = element;
                property = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p =>
                    string.Equals(JsonNamingPolicy.CamelCase.ConvertName(p.Name), step.Groups["name"].Value,
                        StringComparison.Ordinal));
                type = property?.PropertyType;
            }
            if (type is null) return null;
        }
        return (type, property);
    }

    private static Type? ElementType(Type? type) =>
        type is null ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType
            && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>What a value of <paramref name="type"/> must be; a whole number within the field's own range where
    /// <paramref name="property"/> has one, and written as one: 14.0 and 1.4e1 are refused, and a message that said "a
    /// whole number from -2147483648 to 2147483647" read as if 14.0 were taken; one of the field's own allowed values
    /// where it takes fewer than its enumeration has (an inspection's result was told four, two of them refused).
    /// </summary>
    private static string Expected(Type type, PropertyInfo? property)
    {
        var range = property?.GetCustomAttribute<RangeAttribute>();
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(DateOnly)) return "a date as YYYY-MM-DD";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "a timestamp in ISO 8601";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a string";
        // A name read by the domain's converter, a struct to .NET: not "an object" to the client.
        if (type == typeof(Edition)) return "an edition's name, such as \"2008\" or \"2015\"";
        if (type == typeof(int) || type == typeof(long))
        {
            var (min, max) = range is null
                ? type == typeof(int) ? ((object)int.MinValue, (object)int.MaxValue) : (long.MinValue, long.MaxValue)
                : (range.Minimum, range.Maximum);
            return $"a whole number from {min} to {max}, written in digits alone (14, not 14.0 or 1.4e1)";
        }
        if (type == typeof(decimal) || type == typeof(double)) return "a number";
        if (type.IsEnum)
        {
            var allowed = property?.GetCustomAttribute<AllowedValuesAttribute>()?.Values;
            var names = StrictEnums.NamesOf(type).Where((_, i) =>
                allowed?.Contains(Enum.GetValues(type).GetValue(i)) ?? true);
            return $"one of {string.Join(", ", names.Select(n => $"\"{n}\""))}";
        }
        if (type != typeof(string) && ElementType(type) is not null) return "a list";
        return "an object";
    }

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    /// <summary>The JSON reader's sentence in the client's terms: without its position (said apart), and without what
    /// speaks of the reader's own workings ("Change the reader options", "when isFinalBlock is true").</summary>
    private static string Plain(string message)
    {
        if (message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            return "the body is empty; a JSON object is expected.";
        if (message.Contains("trailing comma", StringComparison.Ordinal))
            return "a comma after the last member or element.";
        return ReaderWords().Replace(Position().Replace(message, ""), "").TrimEnd(' ', ',') is var plain
            && plain.EndsWith('.') ? plain : plain + ".";
    }

    [GeneratedRegex(@"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();

    [GeneratedRegex(@"\s*Change the reader options\.|,? when isFinalBlock is true\.?")]
    private static partial Regex ReaderWords();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<name>[^']+)'\]")]
    private static partial Regex PathStep();
}
