namespace BitmernSolo.Web.Configuration;

/// <summary>The site as miners and visitors see it (section <c>Pool</c>).</summary>
public sealed class PoolOptions
{
    public const string SectionName = "Pool";

    /// <summary>Shown in the app bar and page titles.</summary>
    public string Name { get; set; } = "BitmernSolo";

    /// <summary>Free text such as "EU" or "Home lab"; shown next to the name.</summary>
    public string? Region { get; set; }

    /// <summary>Public host name miners point their stratum URL at (shown in connection instructions).</summary>
    public string StratumHost { get; set; } = "localhost";
}
