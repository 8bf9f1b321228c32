using System.Net;
using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace BitmernSolo.Web.Email;

/// <summary>
/// Stand-in for real mail until the SMTP sender lands: writes account links to the log so the operator can pass them on.
/// </summary>
/// <remarks>
/// Identity hands senders HTML-encoded links (meant for an HTML body); they are decoded here so the logged link can be
/// pasted into a browser as is. The links carry single-use tokens; they end up only in the operator's own log, which is the same trust boundary as
/// the database holding the accounts.
/// </remarks>
internal sealed partial class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
    {
        LogLink(logger, "Confirm account", email, WebUtility.HtmlDecode(confirmationLink));
        return Task.CompletedTask;
    }

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
    {
        LogLink(logger, "Reset password", email, WebUtility.HtmlDecode(resetLink));
        return Task.CompletedTask;
    }

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode)
    {
        LogLink(logger, "Password reset code", email, resetCode);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No mail server configured; {Purpose} for {Email}: {Link}")]
    private static partial void LogLink(ILogger logger, string purpose, string email, string link);
}
