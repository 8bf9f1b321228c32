using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using BitmernSolo.Stratum.Targets;
using BitmernSolo.Tests.Stratum.Support;
using Org.BouncyCastle.Crypto.Generators;

namespace BitmernSolo.Tests.Stratum;

/// <summary>
/// A miner written from the miner's side of the protocol, independent of the server's job code: it builds
/// coinbase = coinb1 + extranonce1 + extranonce2 + coinb2, folds the Merkle branch, undoes the prevhash word swap, and grinds
/// nonces until the header's proof of work (SHA-256d or scrypt) meets the pool's share target. Disposing it closes its
/// connection.
/// </summary>
public sealed class TestMiner(StratumTestClient client, PowAlgorithm algorithm = PowAlgorithm.Sha256D, double shareMultiplier = 1) : IAsyncDisposable
{
    private JsonElement? _notify;

    public StratumTestClient Client { get; } = client;

    public string User { get; private set; } = string.Empty;

    public string Extranonce1 { get; private set; } = string.Empty;

    public int Extranonce2Size { get; private set; }

    public double Difficulty { get; private set; }

    public uint VersionMask { get; private set; }

    public string? CurrentJobId => _notify?[0].GetString();

    /// <summary>ESP-Miner's order: configure (version rolling, all bits asked), subscribe, authorize, suggest_difficulty.</summary>
    public async Task HandshakeAsBitAxeAsync(string user, double suggestedDifficulty)
    {
        var configure = await Client.CallAsync("mining.configure",
            """[["version-rolling"],{"version-rolling.mask":"ffffffff","version-rolling.min-bit-count":16}]""");
        Assert.True(configure.GetProperty("result").GetProperty("version-rolling").GetBoolean());
        VersionMask = uint.Parse(configure.GetProperty("result").GetProperty("version-rolling.mask").GetString()!,
            NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        await SubscribeAsync("bitaxe/BM1370/v2.9.0");
        await AuthorizeAsync(user);
        var suggest = await Client.CallAsync("mining.suggest_difficulty",
            "[" + suggestedDifficulty.ToString("R", CultureInfo.InvariantCulture) + "]");
        Assert.True(suggest.IsTrue());
        // The set_difficulty follows the answer; a round trip makes sure it has been read before SyncAsync.
        await Client.CallAsync("mining.extranonce.subscribe", "[]");
    }

    /// <summary>cpuminer's order: subscribe, authorize.</summary>
    public async Task HandshakeAsCpuminerAsync(string user)
    {
        await SubscribeAsync("cpuminer/2.5.1");
        await AuthorizeAsync(user);
    }

    public async Task SubscribeAsync(string agent)
    {
        var subscribe = await Client.CallAsync("mining.subscribe", $"""["{agent}"]""");
        var result = subscribe.GetProperty("result");
        Assert.Equal("mining.notify", result[0][1][0].GetString());
        Extranonce1 = result[1].GetString()!;
        Extranonce2Size = result[2].GetInt32();
    }

    public async Task AuthorizeAsync(string user)
    {
        User = user;
        var authorize = await Client.CallAsync("mining.authorize", $"""["{user}","x"]""");
        Assert.True(authorize.IsTrue(), authorize.ToString());
    }

    /// <summary>Applies every set_difficulty and notify received so far, in order; waits for a first job if none came yet.</summary>
    public async Task SyncAsync()
    {
        if (_notify is null)
        {
            Client.Received.Add(await Client.WaitForAsync("mining.notify"));
        }

        foreach (var message in Client.Received.ToList())
        {
            switch (message.GetProperty("method").GetString())
            {
                case "mining.set_difficulty":
                    Difficulty = message.GetProperty("params")[0].GetDouble();
                    break;
                case "mining.notify":
                    _notify = message.GetProperty("params").Clone();
                    break;
            }
        }

        Client.Received.Clear();
    }

    /// <summary>Finds and submits one share at the current difficulty; returns the pool's response.</summary>
    public async Task<JsonElement> MineShareAsync(uint extranonce2 = 1, uint versionBits = 0)
    {
        var (nonce, ntime) = Grind(extranonce2, versionBits, Target.FromDifficulty(Difficulty, shareMultiplier));
        return await SubmitAsync(CurrentJobId!, extranonce2, ntime, nonce, versionBits);
    }

    public async Task<JsonElement> SubmitAsync(string jobId, uint extranonce2, string ntime, uint nonce, uint? versionBits)
    {
        var en2 = Convert.ToHexStringLower(Extranonce2Bytes(extranonce2));
        var nonceHex = nonce.ToString("x8", CultureInfo.InvariantCulture);
        var version = versionBits is { } bits ? $""","{bits.ToString("x8", CultureInfo.InvariantCulture)}" """ : string.Empty;
        return await Client.CallAsync("mining.submit", $"""["{User}","{jobId}","{en2}","{ntime}","{nonceHex}"{version}]""");
    }

    /// <summary>The nonce and ntime of the first header whose proof of work meets <paramref name="target"/>.</summary>
    public (uint Nonce, string NTime) Grind(uint extranonce2, uint versionBits, Target target)
    {
        var p = _notify ?? throw new InvalidOperationException("No job yet.");
        var coinbase = Convert.FromHexString(p[2].GetString() + Extranonce1 + Convert.ToHexStringLower(Extranonce2Bytes(extranonce2)) + p[3].GetString());
        var root = SHA256.HashData(SHA256.HashData(coinbase));
        foreach (var step in p[4].EnumerateArray())
        {
            root = SHA256.HashData(SHA256.HashData([.. root, .. Convert.FromHexString(step.GetString()!)]));
        }

        var prev = Convert.FromHexString(p[1].GetString()!);
        for (var i = 0; i < 32; i += 4)
        {
            Array.Reverse(prev, i, 4); // stratum sends each 32-bit word byte-swapped
        }

        var header = new byte[80];
        BinaryPrimitives.WriteUInt32LittleEndian(header, ParseHex(p[5]) | versionBits);
        prev.CopyTo(header, 4);
        root.CopyTo(header, 36);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), ParseHex(p[7]));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(72), ParseHex(p[6]));
        for (var nonce = 0u; nonce < uint.MaxValue; nonce++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76), nonce);
            var pow = algorithm == PowAlgorithm.Scrypt ? ScryptHash(header) : SHA256.HashData(SHA256.HashData(header));
            if (target.IsMetBy(pow))
            {
                return (nonce, p[7].GetString()!);
            }
        }

        throw new InvalidOperationException("No share found.");
    }

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private byte[] Extranonce2Bytes(uint value)
    {
        var bytes = new byte[Extranonce2Size];
        for (var i = bytes.Length - 1; i >= 0 && value != 0; i--, value >>= 8)
        {
            bytes[i] = (byte)value;
        }

        return bytes;
    }

    /// <summary>scrypt(N=1024, r=1, p=1) of the header with itself as salt (Litecoin's PoW), from BouncyCastle.</summary>
    private static byte[] ScryptHash(byte[] header) => SCrypt.Generate(header, header, 1024, 1, 1, 32);

    private static uint ParseHex(JsonElement hex) => uint.Parse(hex.GetString()!, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
