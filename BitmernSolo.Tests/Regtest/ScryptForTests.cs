using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Jobs;
using Org.BouncyCastle.Crypto.Generators;

namespace BitmernSolo.Tests.Regtest;

/// <summary>Litecoin's PoW (scrypt N=1024, r=1, p=1, header as password and salt) via BouncyCastle, until our own scrypt lands.</summary>
public static class ScryptForTests
{
    public static JobCoinRules Litecoin { get; } = JobCoinRules.For(CoinRegistry.Get("litecoin", NetworkKind.Regtest), Hash);

    public static void Hash(ReadOnlySpan<byte> header, Span<byte> hash)
    {
        var bytes = header.ToArray();
        SCrypt.Generate(bytes, bytes, 1024, 1, 1, 32).CopyTo(hash);
    }
}
