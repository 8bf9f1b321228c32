using System.Globalization;

namespace BitmernSolo.Web.Configuration;

/// <summary>Checks one stratum port: number, TLS certificate and its difficulty range.</summary>
internal static class PortValidator
{
    public static void Validate(PortOptions port, string key, List<string> failures)
    {
        if (port.Port is < 1 or > 65535)
        {
            failures.Add($"{key}:Port: {Format(port.Port)} is not a TCP port (1-65535)");
        }

        if (port.Tls)
        {
            ValidateCertificate(port, key, failures);
        }

        var d = port.Difficulty;
        var dk = $"{key}:Difficulty";
        RequirePositive(d.Start, $"{dk}:Start", failures);
        RequirePositive(d.Min, $"{dk}:Min", failures);
        RequirePositive(d.Max, $"{dk}:Max", failures);
        RequirePositive(d.TargetSeconds, $"{dk}:TargetSeconds", failures);
        RequirePositive(d.RetargetSeconds, $"{dk}:RetargetSeconds", failures);

        if (d.VariancePercent is <= 0 or >= 100 || double.IsNaN(d.VariancePercent))
        {
            failures.Add($"{dk}:VariancePercent: {Format(d.VariancePercent)} is outside (0, 100)");
        }

        if (d.Min > d.Max)
        {
            failures.Add($"{dk}:Min: {Format(d.Min)} is greater than Max {Format(d.Max)}");
        }
        else if (d.Start < d.Min || d.Start > d.Max)
        {
            failures.Add($"{dk}:Start: {Format(d.Start)} is outside [Min, Max] = [{Format(d.Min)}, {Format(d.Max)}]");
        }
    }

    private static void ValidateCertificate(PortOptions port, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(port.TlsCertificate))
        {
            failures.Add($"{key}:TlsCertificate: a TLS port needs a certificate file (.pfx)");
            return;
        }

        try
        {
            using var stream = File.OpenRead(port.TlsCertificate);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            failures.Add($"{key}:TlsCertificate: cannot read '{port.TlsCertificate}': {e.Message}");
        }
    }

    private static void RequirePositive(double value, string key, List<string> failures)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            failures.Add($"{key}: {Format(value)} must be a positive number");
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
