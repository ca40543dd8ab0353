using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace IsoLedger.Domain.LegalBasis;

/// <summary>An edition of TCVN ISO 9001, by the name the API and the reports write: "2000", "2008", "2015", or the
/// name the rule book gives a later one ("2015/Amd1:2024"). Which editions exist, and in what order, is data
/// (<see cref="RuleBook.Editions"/>); this is only the name.</summary>
[JsonConverter(typeof(EditionJsonConverter))]
public readonly partial record struct Edition
{
    public const int MaxLength = 32;

    /// <summary>The shape of an edition's name: a year, then letters, digits and <c>/ : . + -</c>.</summary>
    public const string Pattern = @"^[0-9]{4}[0-9A-Za-z/:.+\-]*$";

    public static readonly Edition Iso9001V2000 = new("2000");
    public static readonly Edition Iso9001V2008 = new("2008");
    public static readonly Edition Iso9001V2015 = new("2015");
    public static readonly Edition Iso9001V2015Amd1 = new("2015/Amd1:2024");

    public Edition(string name)
    {
        if (!IsWellFormed(name)) throw new ArgumentException($"'{name}' is not an edition's name.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    /// <summary>Whether <paramref name="name"/> can name an edition: <see cref="Pattern"/>, at most
    /// <see cref="MaxLength"/> characters.</summary>
    public static bool IsWellFormed(string? name) => name is { Length: > 0 and <= MaxLength } && Shape().IsMatch(name);

    public override string ToString() => Name;

    [GeneratedRegex(Pattern)]
    private static partial Regex Shape();
}

public static class Editions
{
    /// <summary>What reports write for a unit on no edition yet.</summary>
    public const string None = "none";

    /// <summary>The edition as reports name it ("2008", "2015"), or "none" before any declaration.</summary>
    public static string OrNone(this Edition? edition) => edition?.Name ?? None;
}

/// <summary>Writes an edition as its name; reads only a well-formed name.</summary>
public sealed class EditionJsonConverter : JsonConverter<Edition>
{
    public override Edition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("An edition is written as a string.");
        var name = reader.GetString();
        return Edition.IsWellFormed(name)
            ? new Edition(name!)
            : throw new JsonException($"'{name}' is not an edition's name, such as \"2008\" or \"2015\".");
    }

    public override void Write(Utf8JsonWriter writer, Edition value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name);
}
