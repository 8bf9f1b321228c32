namespace BitmernSolo.Web.Configuration;

/// <summary>
/// The bootstrap administrator (section <c>Admin</c>). Nothing is shipped: the operator sets both keys
/// (best through environment variables or the <c>BITMERNSOLO_CONFIG</c> file) for the first start.
/// </summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Email) && !string.IsNullOrWhiteSpace(Password);
}
