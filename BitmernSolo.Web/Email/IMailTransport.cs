namespace BitmernSolo.Web.Email;

/// <summary>Hands one message to the mail server; throws when it cannot (the outbox records the error and retries).</summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
