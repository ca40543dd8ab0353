namespace IsoLedger.Domain.Imports;

/// <summary>Text whose Vietnamese letters were lost to an encoding that has none of them: a program that saved the
/// table so (Excel's plain "CSV (Comma delimited)" on a system set to a Western language, a copy through ASCII) wrote
/// "?" for each, "UBND x? Gia C?t" for "UBND xã Gia Cát", "S? N?i v?" for "Sở Nội vụ". A question mark touching a
/// letter is such a lost letter: no name, district, province or person is written with one. Recorded, the unit would
/// be named with question marks, and the next table that names it correctly would list another unit. Free text (a
/// declaration's scope, an inspection's notes) may end a question with one, and is not judged so.</summary>
public static class LostLetters
{
    /// <summary>Whether <paramref name="text"/> holds a question mark touching a letter.</summary>
    public static bool In(string text)
    {
        for (var at = text.IndexOf('?'); at >= 0; at = text.IndexOf('?', at + 1))
        {
            if (at > 0 && char.IsLetter(text[at - 1]) || at + 1 < text.Length && char.IsLetter(text[at + 1]))
                return true;
        }
        return false;
    }
}
