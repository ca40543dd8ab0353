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
        if (lines.Count == 0 || !lines.All(line => line is not null && Shape().IsMatch(line.Trim(' ', '\t'))))
            return false;
        if (!EntityTagHeaderValue.TryParseStrictList(lines, out var parsed) || parsed is null) return false;
        tags = parsed;
        return tags.Count > 0;
    }

    [GeneratedRegex(Pattern)]
    private static partial Regex Shape();
}
