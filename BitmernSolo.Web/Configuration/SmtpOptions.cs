namespace BitmernSolo.Web.Configuration;

/// <summary>Outgoing mail (section <c>Smtp</c>). Empty <see cref="Host"/> means mail is not sent; links are logged instead.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Sender address, e.g. <c>"BitmernSolo &lt;pool@example.com&gt;"</c>.</summary>
    public string? From { get; set; }

    /// <summary>Require TLS (STARTTLS on 587, implicit TLS on 465).</summary>
    public bool UseTls { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
