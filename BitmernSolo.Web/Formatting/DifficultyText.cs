using System.Globalization;

namespace BitmernSolo.Web.Formatting;

/// <summary>
/// Difficulty for people: SI prefixes, invariant culture (16384 → "16.38 k"). Below 1, three significant figures
/// (regtest and fractional suggested difficulties are ~1e-4, which must not read as "0").
/// </summary>
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

        if (value != 0 && Math.Abs(value) < 1)
        {
            return value.ToString("G3", CultureInfo.InvariantCulture);
        }

        return value.ToString("0.###", CultureInfo.InvariantCulture) + Prefixes[prefix];
    }
}
