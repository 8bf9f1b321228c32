using BitmernSolo.Bench.Load;

namespace BitmernSolo.Tests.Bench;

/// <summary>
/// The benchmark's quick load (fake node with a 3,000-transaction template, the pool on Kestrel, real loopback sockets) as a
/// functional check: facts only, never timings (those belong in BENCHMARKS.md).
/// </summary>
public sealed class QuickLoadTests
{
    [Fact]
    public async Task AQuickLoadRunGetsEverySubmitAnsweredAsLowDifficultyAndEveryNewBlockToEveryConnection()
    {
        var options = LoadCommand.QuickDefaults with { Connections = 20, SubmitConnections = 5, SubmitDuration = TimeSpan.FromSeconds(1) };

        var result = await LoadCommand.QuickAsync(options, transactions: 3_000, TextWriter.Null);

        Assert.Equal(options.Connections, result.Connected);
        Assert.Equal(options.FanOuts, result.FanOuts.Count);
        Assert.All(result.FanOuts, f => Assert.Equal(options.Connections, f.Reached));
        if (OperatingSystem.IsLinux() && IntPtr.Size == 8)
        {
            // Each connection's notify arrived (kernel time) before it was read: the first arrival is no later than the first
            // read, the last no later than the last read (1 ms for reading two clocks at the trigger).
            Assert.All(result.FanOuts, f =>
            {
                Assert.Equal(f.Reached, f.Arrival!.Count);
                Assert.InRange(f.Arrival.Milliseconds(0), 0, f.Latency.Milliseconds(0) + 1);
                Assert.InRange(f.Arrival.Milliseconds(100), 0, f.Latency.Milliseconds(100) + 1);
            });
        }
        Assert.True(result.Submitted > 0);
        Assert.Equal(result.Submitted, result.Answered);
        Assert.Equal([23], result.AnswersByCode.Keys);
    }

    [Fact]
    public void TheLoadCommandsOptionsAreReadFromItsArguments()
    {
        var options = LoadOptions.Parse(
            ["--pool", "127.0.0.1:3334", "--connections", "10000", "--fanouts", "8", "--settle", "2.5", "--addresses", "10000", "--plain"],
            new LoadOptions());

        Assert.Equal(System.Net.IPEndPoint.Parse("127.0.0.1:3334"), options.Pool);
        Assert.Equal((10_000, 8, 10_000, true), (options.Connections, options.FanOuts, options.Addresses, options.Plain));
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.Settle);
        Assert.Equal(TimeSpan.Zero, new LoadOptions().Settle);
    }
}
