namespace BitmernSolo.Web.Bans;

/// <summary>The <c>Bans</c> section.</summary>
public sealed class BanOptions
{
    public const string SectionName = "Bans";

    /// <summary>How often each instance reads the shared ban list, picking up other instances' bans and lifts.</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(15);
}
