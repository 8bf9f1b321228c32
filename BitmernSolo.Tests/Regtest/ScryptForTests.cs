using BitmernSolo.Stratum.Coins;
using BitmernSolo.Stratum.Jobs;
using Org.BouncyCastle.Crypto.Generators;

namespace BitmernSolo.Tests.Regtest;

/// <summary>
/// Litecoin's PoW. The regtest suite mines with OUR scrypt (the daemon judges it); <see cref="Hash"/> is BouncyCastle's
/// (header as password and salt, N=1024, r=1, p=1), the independent oracle the unit tests compare with.
/// </summary>
public static class ScryptForTests
{
    public static JobCoinRules Litecoin { get; } = JobCoinRules.For(CoinRegistry.Get("litecoin", NetworkKind.Regtest));

    public static void Hash(ReadOnlySpan<byte> header, Span<byte> hash)
    {
        var bytes = header.ToArray();
        SCrypt.Generate(bytes, bytes, 1024, 1, 1, 32).CopyTo(hash);
    }
}
