using BitmernSolo.Tests.Email;
using BitmernSolo.Tests.Stratum;
using BitmernSolo.Tests.Stratum.Support;
using BitmernSolo.Web.Alerts;

namespace BitmernSolo.Tests.Alerts;

public sealed class StratumBlockAlertTests(MailAppFixture app) : IClassFixture<MailAppFixture>
{
    [Fact]
    public async Task ABlockFoundThroughTheStratumIsMailedOnceToTheOwnerOfTheFindersAddress()
    {
        var address = MailAppFixture.NewAddress();
        var (_, owner) = await app.UserWithWalletAsync("ltc", address);
        await using var server = new StratumTestServer();
        app.Service<StratumBlockAlerts>().Subscribe(server.Pool);
        var job = server.Work.Publish(clean: true, bits: 0x207fffff, height: 777); // regtest target: almost any hash is a block
        await using var client = await server.ConnectAsync(Transport.Memory);
        var miner = new TestMiner(client);
        await miner.HandshakeAsCpuminerAsync(address + ".rig9");
        await client.CallAsync("mining.suggest_difficulty", "[1000000]");
        await miner.SyncAsync();

        var (nonce, ntime) = miner.Grind(7, 0, job.NetworkTarget);
        var accepted = await miner.SubmitAsync(job.Id, 7, ntime, nonce, null);
        Assert.True(accepted.IsTrue(), accepted.ToString());

        var message = await app.WaitForMailAsync(owner, "Block 777 found");
        var block = Assert.Single(server.Blocks);
        Assert.Contains(block.BlockHash.ToDisplayHex(), message.TextBody, StringComparison.Ordinal);
        Assert.Contains("rig9", message.TextBody, StringComparison.Ordinal);
        Assert.Single(await app.SettledNotificationsToAsync(owner));
    }
}
