using BitmernSolo.Stratum.Server;
using BitmernSolo.Stratum.VarDiff;

namespace BitmernSolo.Web.Stratum;

/// <summary>
/// Interim binding of the "Stratum" configuration section, until the foundation's pool/port/difficulty options land in
/// BitmernSolo.Web/Configuration; then <see cref="StratumHostingExtensions"/> should read those instead.
/// </summary>
public sealed class StratumHostOptions
{
    public const string SectionName = "Stratum";

    /// <summary>Connection limits shared by every port.</summary>
    public StratumServerOptions Server { get; set; } = new();

    public List<StratumPoolHostOptions> Pools { get; set; } = [];
}

public sealed class StratumPoolHostOptions
{
    /// <summary>Pool id: key for the pool's <c>IWorkSource</c> (keyed service) and in events and statistics.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Coin id of the coin registry, e.g. "litecoin".</summary>
    public string Coin { get; set; } = string.Empty;

    /// <summary>"main", "test" or "regtest".</summary>
    public string Network { get; set; } = "main";

    public bool Enabled { get; set; } = true;

    public List<StratumPortHostOptions> Ports { get; set; } = [];
}

public sealed class StratumPortHostOptions
{
    public int Port { get; set; }

    /// <summary>Listen address; "*" (default) for every interface.</summary>
    public string Address { get; set; } = "*";

    /// <summary>PKCS#12 certificate file: the port speaks stratum+ssl when set.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    public VarDiffOptions VarDiff { get; set; } = new();
}
