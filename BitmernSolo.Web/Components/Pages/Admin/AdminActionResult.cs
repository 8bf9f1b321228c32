namespace BitmernSolo.Web.Components.Pages.Admin;

/// <summary>What an admin action did, for the snackbar.</summary>
public sealed record AdminActionResult(bool Succeeded, string Message)
{
    public static AdminActionResult Done(string message) => new(true, message);

    public static AdminActionResult Refused(string message) => new(false, message);
}
