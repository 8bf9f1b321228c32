using System.Collections.Concurrent;
using System.Net;
using BitmernSolo.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace BitmernSolo.Tests.Web;

/// <summary>Keeps the last link sent to each address, HTML-decoded as a mail client would show it.</summary>
public sealed class CapturingEmailSender : IEmailSender<ApplicationUser>
{
    private readonly ConcurrentDictionary<string, string> _links = new(StringComparer.OrdinalIgnoreCase);

    public string? LastLinkTo(string email) => _links.TryGetValue(email, out var link) ? link : null;

    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) => Keep(email, confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) => Keep(email, resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) => Keep(email, resetCode);

    private Task Keep(string email, string link)
    {
        _links[email] = WebUtility.HtmlDecode(link);
        return Task.CompletedTask;
    }
}
