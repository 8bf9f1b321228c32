using System.Text.Json;

namespace BitmernSolo.Web.Daemons;

/// <summary>What a block's coinbase paid one script, read from <c>getblock</c> at verbosity 2.</summary>
public sealed record CoinbasePayout(string CoinbaseTxid, long Satoshis, DateTimeOffset BlockTime)
{
    private const decimal SatoshisPerCoin = 100_000_000m;

    /// <summary>
    /// The sum of the coinbase outputs to <paramref name="scriptHex"/> (the finder's script; a fee output goes elsewhere).
    /// Amounts are JSON numbers in whole coins with eight decimals, read as decimals so no satoshi is lost.
    /// </summary>
    public static CoinbasePayout From(JsonElement block, string scriptHex)
    {
        ArgumentException.ThrowIfNullOrEmpty(scriptHex);
        var coinbase = block.GetProperty("tx")[0];
        long satoshis = 0;
        foreach (var output in coinbase.GetProperty("vout").EnumerateArray())
        {
            if (string.Equals(output.GetProperty("scriptPubKey").GetProperty("hex").GetString(), scriptHex, StringComparison.OrdinalIgnoreCase))
            {
                satoshis = checked(satoshis + (long)(output.GetProperty("value").GetDecimal() * SatoshisPerCoin));
            }
        }

        return new CoinbasePayout(coinbase.GetProperty("txid").GetString() ?? string.Empty, satoshis,
            DateTimeOffset.FromUnixTimeSeconds(block.GetProperty("time").GetInt64()));
    }
}
