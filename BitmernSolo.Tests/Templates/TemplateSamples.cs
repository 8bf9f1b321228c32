using System.Text.Json.Nodes;

namespace BitmernSolo.Tests.Templates;

/// <summary>A small, well-formed getblocktemplate result (litecoin regtest shape) that tests mutate field by field.</summary>
public static class TemplateSamples
{
    public const string PreviousBlockHash = "3cfcdb1c1b5d7b7bbf35a1d0e2e3ca1fa0bfb6ca2de5a1d3cc6e1a0ae0d0c0b0";

    // The genesis coinbase serves as an arbitrary valid transaction; its txid is well known.
    public const string TransactionData =
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000";

    public const string TransactionTxId = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";

    public const string WitnessCommitment = "6a24aa21a9ede2f61c3f71d1defd3fa999dfa36953755c690689799962b48bebd836974e8cf9";

    public static JsonObject Litecoin(bool withMweb = false)
    {
        var template = new JsonObject
        {
            ["capabilities"] = new JsonArray("proposal"),
            ["version"] = 0x30000010,
            ["rules"] = new JsonArray("csv", "!segwit", "taproot"),
            ["vbavailable"] = new JsonObject(),
            ["vbrequired"] = 0,
            ["previousblockhash"] = PreviousBlockHash,
            ["transactions"] = new JsonArray(new JsonObject
            {
                ["data"] = TransactionData,
                ["txid"] = TransactionTxId,
                ["hash"] = TransactionTxId,
                ["depends"] = new JsonArray(),
                ["fee"] = 1000,
                ["sigops"] = 4,
                ["weight"] = 816,
            }),
            ["coinbaseaux"] = new JsonObject(),
            ["coinbasevalue"] = 5_000_001_000L,
            ["longpollid"] = PreviousBlockHash + "12",
            ["target"] = "7fffff0000000000000000000000000000000000000000000000000000000000",
            ["mintime"] = 1_700_000_000,
            ["mutable"] = new JsonArray("time", "transactions", "prevblock"),
            ["noncerange"] = "00000000ffffffff",
            ["sigoplimit"] = 80000,
            ["sizelimit"] = 4000000,
            ["weightlimit"] = 4000000,
            ["curtime"] = 1_700_000_100,
            ["bits"] = "207fffff",
            ["height"] = 433,
            ["default_witness_commitment"] = WitnessCommitment,
        };
        if (withMweb)
        {
            template["mweb"] = "0102030405";
        }

        return template;
    }
}
