using System.Diagnostics;
using System.Text;
using BitmernSolo.Tests.Web;

namespace BitmernSolo.Tests.Publish;

/// <summary>
/// <c>dotnet publish BitmernSolo.Web -c Release</c>, once per test class, into a temporary folder: what the README tells an
/// operator to deploy. Tests start the published <c>BitmernSolo.Web.dll</c> with <c>dotnet</c> as a child process
/// (<see cref="StartAsync"/>). Skipped with the reason only when no <c>dotnet</c> can be found.
/// </summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    // Generous for a slow CI machine (a publish takes under a minute on 2 cores), bounded so a wedged build fails the class.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);

    private readonly TempDirectory _root = new();
    private string? _dotnet;

    public string? SkipReason { get; private set; }

    /// <summary>The publish output: the folder an operator copies to the server.</summary>
    public string Folder => Path.Combine(_root.Path, "app");

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    public async ValueTask InitializeAsync()
    {
        _dotnet = FindDotnet();
        if (_dotnet is null)
        {
            SkipReason = "no dotnet executable found (DOTNET_HOST_PATH, DOTNET_ROOT and PATH were searched), so the app cannot be published.";
            return;
        }

        var project = Path.Combine(RepositoryRoot(), "BitmernSolo.Web", "BitmernSolo.Web.csproj");
        // --no-restore: the solution's own build (dotnet test, after .ci/run) restored every project, and restore does not
        // depend on the configuration. No node reuse and no compiler server: nothing may outlive the publish holding its pipes.
        try
        {
            var (exitCode, output) = await RunToExitAsync(
                ["publish", project, "-c", "Release", "-o", Folder, "--no-restore", "-nodeReuse:false", "-p:UseSharedCompilation=false"],
                PublishTimeout);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish exited with {exitCode}:\n{output}");
            }
        }
        catch
        {
            // A fixture that fails to initialize is not relied on to be disposed.
            _root.Dispose();
            throw;
        }
    }

    /// <summary>Starts the published app on a free loopback port with a fresh data directory, in <paramref name="workingDirectory"/>.</summary>
    public PublishedAppProcess Start(string workingDirectory)
    {
        var start = ChildStartInfo(workingDirectory);
        // The app's settings come only from what the publish shipped and these: nothing from the test's environment.
        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)
            || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("BITMERNSOLO_", StringComparison.OrdinalIgnoreCase)
            || k.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.ArgumentList.Add(Path.Combine(Folder, "BitmernSolo.Web.dll"));
        return new PublishedAppProcess(start);
    }

    public ValueTask DisposeAsync()
    {
        _root.Dispose();
        return ValueTask.CompletedTask;
    }

    private ProcessStartInfo ChildStartInfo(string workingDirectory)
    {
        var start = new ProcessStartInfo(_dotnet!)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Under `dotnet test` the MSBuild of the outer build has left its variables behind; a nested build must not see them.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        return start;
    }

    private async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = ChildStartInfo(RepositoryRoot());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}:\n{Text(output)}");
        }

        return (process.ExitCode, Text(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BitmernSolo.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"BitmernSolo.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The dotnet host: the one running the build (DOTNET_HOST_PATH), else DOTNET_ROOT's, else the first on PATH.</summary>
    private static string? FindDotnet()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidates = new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), root is null ? null : Path.Combine(root, name) }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, name)));
        return candidates.FirstOrDefault(File.Exists);
    }
}
