using System.Globalization;

namespace BitmernSolo.Web.Formatting;

/// <summary>Difficulty for people: SI prefixes, invariant culture (16384 → "16.38 k").</summary>
public static class DifficultyText
{
    private static readonly string[] Prefixes = ["", " k", " M", " G", " T", " P", " E"];

    public static string Format(double difficulty)
    {
        var value = difficulty;
        var prefix = 0;
        while (Math.Abs(value) >= 1000 && prefix < Prefixes.Length - 1)
        {
            value /= 1000;
            prefix++;
        }

        return value.ToString("0.###", CultureInfo.InvariantCulture) + Prefixes[prefix];
    }
}
