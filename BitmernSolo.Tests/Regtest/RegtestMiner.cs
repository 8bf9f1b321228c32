using BitmernSolo.Stratum.Addresses;
using System.Text;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Tests.Regtest;

/// <summary>Mines one block the way the pool does: template → job → grind nonces with the real share check → submitblock.</summary>
public static class RegtestMiner
{
    public static readonly string[] LitecoinRules = ["mweb", "segwit"];

    public static async Task<MinedBlock> MineAsync(LitecoindPairFixture node, PayoutScript minerScript, PayoutScript? feeScript = null, decimal feePercent = 0)
    {
        var template = await node.Rpc.GetBlockTemplateAsync(LitecoinRules);
        var job = JobBuilder.Build(
            new JobRequest(template, ScryptForTests.Litecoin, minerScript.Memory, feeScript?.Memory, feePercent, Encoding.ASCII.GetBytes("/BitmernSolo/"), 4, 8, "1"),
            TimeProvider.System);
        byte[] extranonce1 = [0xde, 0xad, 0xbe, 0xef];
        var extranonce2 = new byte[8];
        for (uint nonce = 0; ; nonce++)
        {
            var result = job.CheckShare(extranonce1, extranonce2, job.NTime, nonce, job.Version);
            if (!result.MeetsNetworkTarget)
            {
                Assert.True(nonce < 10_000, "The regtest target (about one hash in two) was not met in 10,000 nonces: the share check is wrong.");
                continue;
            }

            var blockHex = job.BuildBlockHex(extranonce1, extranonce2, job.NTime, nonce, job.Version);
            var answer = await node.Rpc.SubmitBlockAsync(blockHex);
            return new MinedBlock(template, job, result.BlockHash, answer);
        }
    }
}

public sealed record MinedBlock(BlockTemplate Template, MiningJob Job, BitmernSolo.Stratum.Crypto.Hash256 BlockHash, string? SubmitAnswer);
