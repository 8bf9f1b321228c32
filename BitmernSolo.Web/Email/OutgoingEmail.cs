namespace BitmernSolo.Web.Email;

/// <summary>A rendered e-mail: one recipient, a subject, and the same content as HTML and as plain text.</summary>
public sealed record OutgoingEmail(string To, string Subject, string HtmlBody, string TextBody);
