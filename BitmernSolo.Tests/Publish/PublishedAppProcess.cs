using System.Diagnostics;
using System.Globalization;
using System.Net;
using BitmernSolo.Tests.Regtest;
using BitmernSolo.Tests.Web;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Publish;

/// <summary>
/// The published app running as a child process (Production environment, the shipped settings, all pools disabled) on a
/// free loopback port with its own data directory. Disposing kills it and deletes the data directory.
/// </summary>
public sealed class PublishedAppProcess : IAsyncDisposable
{
    // Start-up applies migrations to a fresh SQLite file: seconds, but a cold 2-core CI machine gets a wide margin.
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private const int LogLines = 200;

    private readonly TempDirectory _data = new();
    private readonly Queue<string> _log = new();
    private readonly Process _process;

    internal PublishedAppProcess(ProcessStartInfo start)
    {
        var port = LitecoindNode.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["Database__DataDirectory"] = _data.Path;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        try
        {
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }
        catch
        {
            _process.Dispose();
            _data.Dispose();
            throw;
        }

        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    /// <summary>The last lines the app wrote, for failure messages.</summary>
    public string RecentLog
    {
        get
        {
            lock (_log)
            {
                return string.Join('\n', _log);
            }
        }
    }

    /// <summary>Waits until <c>/readyz</c> answers 200; fails with the app's log if it exits or the deadline passes.</summary>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"the published app exited with {_process.ExitCode} before it was ready:\n{RecentLog}");
            }

            try
            {
                using var response = await Client.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        Assert.Fail($"the published app was not ready within {ReadyTimeout}:\n{RecentLog}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or it ignored the kill for 30 s: nothing more a test can do.
        }
        finally
        {
            _process.Dispose();
            _data.Dispose();
        }
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > LogLines)
            {
                _log.Dequeue();
            }
        }
    }
}
