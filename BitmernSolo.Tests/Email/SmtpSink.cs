using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BitmernSolo.Tests.Web;
using MimeKit;

namespace BitmernSolo.Tests.Email;

/// <summary>
/// A real SMTP server (Debian's aiosmtpd, driven by <c>smtp_sink.py</c>) on a free local port; received messages are read
/// back from its folder. Can be stopped and started again on the same port to play a mail outage.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly TempDirectory _mailbox = new();
    private Process? _process;

    /// <summary>Null when the server can run here; otherwise why not (tests skip with it).</summary>
    public static string? UnavailableReason { get; } = Probe();

    public int Port { get; } = FreePort();

    public void Start()
    {
        if (_process is not null)
        {
            return;
        }

        var script = Path.Combine(AppContext.BaseDirectory, "Email", "smtp_sink.py");
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), _mailbox.Path },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python did not start");
        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result != "READY")
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("smtp_sink.py did not start: " + process.StandardError.ReadToEnd());
        }

        _process = process;
    }

    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(_mailbox.Path, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file)).ToList();

    public IReadOnlyList<MimeMessage> MessagesTo(string recipient) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, recipient, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until a message to <paramref name="recipient"/> whose subject contains <paramref name="subject"/> arrives.</summary>
    public async Task<MimeMessage> WaitForAsync(string recipient, string subject, Func<Task<string>>? diagnose = null)
    {
        // A generous deadline only so a broken build fails instead of hanging; nothing is asserted about how long it took.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var found = MessagesTo(recipient).FirstOrDefault(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true);
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"no e-mail to {recipient} with '{subject}' arrived; received: "
            + string.Join(", ", Messages().Select(m => $"{m.To} '{m.Subject}'"))
            + (diagnose is null ? "" : "; " + await diagnose()));
        return null!;
    }

    public void Dispose()
    {
        Stop();
        _mailbox.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Probe()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} not found; install Debian's python3-aiosmtpd to run the SMTP tests";
        }

        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        probe.WaitForExit();
        return probe.ExitCode == 0 ? null : $"{Python} lacks aiosmtpd; install Debian's python3-aiosmtpd to run the SMTP tests";
    }
}
