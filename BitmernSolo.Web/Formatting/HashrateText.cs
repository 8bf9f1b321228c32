using System.Globalization;

namespace BitmernSolo.Web.Formatting;

/// <summary>Hashrates for people: SI prefixes, invariant culture ("1.23 TH/s").</summary>
public static class HashrateText
{
    private static readonly string[] Units = ["H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s", "ZH/s"];

    public static string Format(double hashesPerSecond)
    {
        if (double.IsNaN(hashesPerSecond) || double.IsInfinity(hashesPerSecond) || hashesPerSecond <= 0)
        {
            return "0 H/s";
        }

        var value = hashesPerSecond;
        var unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        // Three significant figures, without rounding 999.96 up into "1000 kH/s".
        var text = value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
            : value >= 10 ? value.ToString("0.0", CultureInfo.InvariantCulture)
            : value.ToString("0.00", CultureInfo.InvariantCulture);
        if (text == "1000" && unit < Units.Length - 1)
        {
            return "1.00 " + Units[unit + 1];
        }

        return text + " " + Units[unit];
    }
}
