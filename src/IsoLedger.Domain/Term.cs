namespace IsoLedger.Domain;

/// <summary>A word of the ledger's vocabulary: <c>value</c> is how the API and the import format write it, <c>vi</c>
/// and <c>en</c> what people read.</summary>
/// <param name="Value">How the API and the import format write it: an enumeration's value, a column's or row's
/// field, a sentence's id.</param>
/// <param name="Vi">Its Vietnamese label, in the words of the provinces' reports.</param>
/// <param name="En">Its English label.</param>
public sealed record Term(string Value, string Vi, string En)
{
    /// <summary>The label in English or, by default, Vietnamese.</summary>
    public string In(bool english) => english ? En : Vi;
}

/// <summary>The terms of one enumeration, one per member, in the members' order.</summary>
public sealed class Terms<T> where T : struct, Enum
{
    private readonly Dictionary<T, Term> byMember;

    public Terms(params (T Member, Term Term)[] terms)
    {
        byMember = terms.ToDictionary(t => t.Member, t => t.Term);
        All = [.. terms.OrderBy(t => t.Member).Select(t => t.Term)];
    }

    public IReadOnlyList<Term> All { get; }

    public IReadOnlyCollection<T> Members => byMember.Keys;

    public Term this[T member] => byMember[member];

    public IEnumerable<string> Values => All.Select(t => t.Value);

    /// <summary>The member written <paramref name="value"/>, in any case.</summary>
    public bool TryParse(string value, out T member)
    {
        foreach (var (candidate, term) in byMember)
        {
            if (!string.Equals(term.Value, value, StringComparison.OrdinalIgnoreCase)) continue;
            member = candidate;
            return true;
        }
        member = default;
        return false;
    }

    /// <summary>The member whose Vietnamese label is <paramref name="label"/>, letter case and runs of spaces aside:
    /// the words a province's report table writes ("Đạt", "Ko có Bc").</summary>
    public bool TryParseLabel(string label, out T member)
    {
        var written = UnicodeText.Comparable(label);
        foreach (var (candidate, term) in byMember)
        {
            if (UnicodeText.Comparable(term.Vi) != written) continue;
            member = candidate;
            return true;
        }
        member = default;
        return false;
    }
}
