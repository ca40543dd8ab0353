using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace IsoLedger.Api.Hosting;

/// <summary>An <c>If-Match</c> or <c>If-None-Match</c> read as RFC 9110 §8.8.3 and §13.1 write it: <c>*</c> alone, or a
/// list of entity tags, each a quoted text with <c>W/</c> (a capital W, the quote right after the slash) or nothing
/// before it. ASP.NET's own parser also takes <c>w/"3"</c> and <c>W/ "3"</c>, which are no entity tags: such a header
/// is malformed (400 for <c>If-Match</c>), not a weak tag that merely fails to match.</summary>
public static partial class EntityTags
{
    /// <summary>The shape of one header line, as the OpenAPI document gives it.</summary>
    public const string Pattern = "^(\\*|(W/)?\"[^\"]*\"([ \\t]*,[ \\t]*(W/)?\"[^\"]*\")*)$";

    /// <summary>The tags the header's lines list, or false when a line is no list of entity tags (nor <c>*</c>) or
    /// none is sent.</summary>
    public static bool TryParse(StringValues lines, out IList<EntityTagHeaderValue> tags)
    {
        tags = [];
        if (lines.Count == 0 || lines.Any(line => line is null)) return false;
        // RFC 9110 §5.6.1.2: a recipient parses and ignores empty list elements ("3", or , "3"), which no sender
        // is to write (the pattern above does not).
        string[] listed = [.. lines.Select(line => WithoutEmptyElements(line!)).Where(line => line.Length > 0)];
        if (listed.Length == 0 || !listed.All(line => Shape().IsMatch(line))) return false;
        if (!EntityTagHeaderValue.TryParseStrictList(listed, out var parsed) || parsed is null) return false;
        tags = parsed;
        return tags.Count > 0;
    }

    /// <summary>A header line's elements, trimmed, without the empty ones, joined again; a comma within an entity
    /// tag's quotes is its own.</summary>
    private static string WithoutEmptyElements(string line)
    {
        var elements = new List<string>();
        var (start, quoted) = (0, false);
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"') quoted = !quoted;
            if (i < line.Length && (line[i] != ',' || quoted)) continue;
            if (line[start..i].Trim(' ', '\t') is { Length: > 0 } element) elements.Add(element);
            start = i + 1;
        }
        return string.Join(", ", elements);
    }

    [GeneratedRegex(Pattern)]
    private static partial Regex Shape();
}
