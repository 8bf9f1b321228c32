using System.Diagnostics;
using System.Globalization;
using BitmernSolo.Tests.Regtest;
using Npgsql;
using BitmernSolo.Bench.Regtest;

namespace BitmernSolo.Tests.Postgres;

/// <summary>
/// A private PostgreSQL server for one test class: <c>initdb --auth=trust</c> into a temporary directory, listening on a free
/// loopback port with its socket in that directory, so it touches nothing else on the machine. Each test takes a fresh
/// database (<see cref="CreateDatabaseAsync"/>); <see cref="StopAsync"/>/<see cref="StartAsync"/> take the server away and
/// bring it back (an outage). Without the binaries (Debian's <c>postgresql</c> package: <c>/usr/lib/postgresql/*/bin</c>,
/// or a directory named by <c>BITMERNSOLO_POSTGRES_BIN</c>) tests are skipped with the reason.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string BinEnvironmentVariable = "BITMERNSOLO_POSTGRES_BIN";

    // postgres refuses to run as root; as root the server runs as the package's system user, which owns the directory.
    private const string ServiceUser = "postgres";

    private static int _databases;
    private string? _bin;
    private string? _root;

    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root!, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    public async ValueTask InitializeAsync()
    {
        _bin = FindBinaries();
        if (_bin is null)
        {
            SkipReason = $"PostgreSQL not installed: no /usr/lib/postgresql/*/bin/initdb (install Debian's postgresql package, or set {BinEnvironmentVariable}).";
            return;
        }

        _root = Directory.CreateTempSubdirectory("bitmernsolo-pg-").FullName;
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", ServiceUser, _root], asServiceUser: false);
        }

        Port = LitecoindNode.FreePort();
        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", DataDirectory, "--auth=trust", "-U", "postgres", "--encoding=UTF8", "--locale=C", "--no-sync"]);
        await StartAsync();
    }

    /// <summary>Starts (or restarts) the server and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        // fsync off: the data is thrown away with the directory; durability only slows the tests.
        var options = string.Create(CultureInfo.InvariantCulture,
            $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
        await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_root!, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
    }

    /// <summary>Stops the server (fast shutdown: open connections are cut, as a lost database would cut them).</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);

    /// <summary>The server's administrative connection string (database <c>postgres</c>).</summary>
    public string AdminConnectionString => ConnectionString("postgres");

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // Short waits: an outage test needs a refused connection to fail fast rather than hang a flush.
        Timeout = 5,
    }.ConnectionString;

    /// <summary>An empty database of its own for one test; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        SkipIfUnavailable();
        var name = string.Create(CultureInfo.InvariantCulture, $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_root is null)
        {
            return;
        }

        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopped; the directory goes anyway.
            }
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp directory is cleaned by the OS eventually.
        }
    }

    private static string? FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable(BinEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServiceUser = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Somewhere the service user may enter (initdb and pg_ctl complain from a directory under /root).
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServiceUser && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", ServiceUser, "--", program, .. arguments])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // pg_ctl start leaves the server running with our pipes inherited; read to the exit, not to end of stream.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(TimeSpan.FromSeconds(1)));
            var text = (output.IsCompleted ? output.Result : string.Empty) + (error.IsCompleted ? error.Result : string.Empty);
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {text}");
        }
    }
}
