using System.Globalization;
using System.Net;

namespace BitmernSolo.Bench.Load;

/// <summary>A load run: N connections, then fan-outs (idle connections), then closed-loop submits on some of them.</summary>
internal sealed record LoadOptions
{
    public IPEndPoint Pool { get; init; } = new(IPAddress.Loopback, 3333);

    /// <summary>Connections held open (the fan-out and memory figures are for this many).</summary>
    public int Connections { get; init; } = 100;

    /// <summary>New connections per second while connecting.</summary>
    public int ConnectRate { get; init; } = 1_000;

    /// <summary>New blocks triggered, one after another; each is timed to its first notify on every connection.</summary>
    public int FanOuts { get; init; } = 3;

    /// <summary>
    /// Wait after the last connection before the first new block: a pool that records its new workers in a database is
    /// still doing so right after a burst of 10,000 connections; blocks arrive minutes after miners connect.
    /// </summary>
    public TimeSpan Settle { get; init; } = TimeSpan.Zero;

    /// <summary>Connections that submit (the first ones), each with <see cref="InFlight"/> submits outstanding.</summary>
    public int SubmitConnections { get; init; } = 100;

    public int InFlight { get; init; } = 16;

    public TimeSpan SubmitDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Distinct payout addresses among the connections (solo: each address gets its own coinbase, so its own job).</summary>
    public int Addresses { get; init; } = 1;

    /// <summary>The bech32 prefix of the generated payout addresses: <c>bc</c> (Bitcoin mainnet), <c>rltc</c> (Litecoin regtest), …</summary>
    public string AddressPrefix { get; init; } = "bc";

    /// <summary>One payout address for every connection instead of generated bech32 ones (pools that only know base58).</summary>
    public string? Address { get; init; }

    /// <summary>No mining.configure and 5-parameter submits (pools without BIP310 version rolling, e.g. older ckpool).</summary>
    public bool Plain { get; init; }

    /// <summary>suggest_difficulty; high, so every random share is rejected as low difficulty after the full check.</summary>
    public double Difficulty { get; init; } = 1e12;

    /// <summary>Process whose resident set is reported (the pool; the load generator itself when in-process).</summary>
    public int? PoolProcessId { get; init; }

    public static LoadOptions Parse(IReadOnlyList<string> args, LoadOptions defaults)
    {
        var options = defaults;
        options = options with { Plain = options.Plain || args.Contains("--plain") };
        for (var i = 0; i + 1 < args.Count; i++)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--pool" => options with { Pool = IPEndPoint.Parse(value) },
                "--connections" => options with { Connections = Int(value) },
                "--connect-rate" => options with { ConnectRate = Int(value) },
                "--fanouts" => options with { FanOuts = Int(value) },
                "--settle" => options with { Settle = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--submit-connections" => options with { SubmitConnections = Int(value) },
                "--in-flight" => options with { InFlight = Int(value) },
                "--seconds" => options with { SubmitDuration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--addresses" => options with { Addresses = Int(value) },
                "--address" => options with { Address = value },
                "--hrp" => options with { AddressPrefix = value },
                "--difficulty" => options with { Difficulty = double.Parse(value, CultureInfo.InvariantCulture) },
                "--pool-pid" => options with { PoolProcessId = Int(value) },
                _ => options,
            };
        }

        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
