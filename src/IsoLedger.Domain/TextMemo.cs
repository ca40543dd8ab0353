using System.Collections.Concurrent;

namespace IsoLedger.Domain;

/// <summary>What a function of a text gave for the texts it was asked about lately, so that what a table repeats on
/// every row (its province, each year's row of a unit under its name) is worked out once. Bounded: a text longer
/// than <see cref="MaxKept"/> characters is not kept, and past <paramref name="capacity"/> texts the memo starts
/// afresh, so that no stream of distinct texts grows it.</summary>
public sealed class TextMemo<T>(Func<string, T> compute, int capacity)
{
    /// <summary>Longer than any name: such a text is worked out each time.</summary>
    public const int MaxKept = 300;

    private readonly ConcurrentDictionary<string, T> known = new(StringComparer.Ordinal);

    public T this[string text]
    {
        get
        {
            if (known.TryGetValue(text, out var value)) return value;
            value = compute(text);
            if (text.Length > MaxKept) return value;
            if (known.Count >= capacity) known.Clear();
            known[text] = value;
            return value;
        }
    }
}
