using System.Globalization;

namespace BitmernSolo.Bench.Load;

/// <summary>Resident set size from <c>/proc/&lt;pid&gt;/status</c> (VmRSS), in bytes; null where there is no procfs.</summary>
internal static class ProcessMemory
{
    public static long? ResidentBytes(int processId)
    {
        var path = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
