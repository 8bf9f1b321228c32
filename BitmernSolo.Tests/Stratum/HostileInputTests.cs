using System.Text;
using BitmernSolo.Tests.Stratum.Support;

namespace BitmernSolo.Tests.Stratum;

/// <summary>Bad input gets an error, never a crash: after each of these the connection still answers.</summary>
public class HostileInputTests
{
    public static TheoryData<string> Inputs() =>
    [
        "",
        "\r",
        "   ",
        "null",
        "42",
        "\"mining.subscribe\"",
        """{"id":99,"method":"mining.subscribe","params":[1e400]}""",
        """{"id":99,"method":"mining.suggest_difficulty","params":[1e400]}""",
        """{"id":99,"method":"mining.suggest_difficulty","params":["NaN"]}""",
        """{"id":99,"method":"mining.suggest_difficulty","params":[]}""",
        """{"id":99,"method":"mining.authorize","params":[]}""",
        """{"id":99,"method":"mining.authorize","params":["ltc1q\u0000evil","x"]}""",
        """{"id":99,"method":"mining.configure","params":[[1,2],{}]}""",
        """{"id":99,"method":"mining.configure","params":[["version-rolling"],{"version-rolling.mask":"zzzz"}]}""",
        """{"id":99,"method":"mining.configure","params":[["version-rolling"],{"version-rolling.mask":12}]}""",
        """{"id":99,"method":"mining.submit","params":["a","b","c","d","e","f","g"]}""",
        """{"id":99,"method":"mining.submit","params":[null,null,null,null,null]}""",
        """{"id":99,"method":"","params":[]}""",
        """{"id":99,"method":"mining.subscribe","params":[],"extra":{"deep":[[[[[[[[[[[[1]]]]]]]]]]]]}}""",
        "{\"id\":99,\"method\":\"mining.subscribe\",\"params\":[\"" + new string('x', 4000) + "\"]}",
    ];

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task HostileInputIsAnsweredOrIgnoredAndTheConnectionKeepsWorking(string input)
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);

        await client.SendLineAsync(input);
        var after = await client.CallAsync("mining.extranonce.subscribe", "[]");

        Assert.True(after.IsTrue());
    }

    [Fact]
    public async Task InvalidUtf8IsAnsweredWithCode20()
    {
        await using var server = new StratumTestServer();
        await using var client = await server.ConnectAsync(Transport.Memory);

        await client.SendRawAsync([.. Encoding.UTF8.GetBytes("{\"id\":99,\"method\":\"mining.sub"), 0xff, 0xfe, .. "\"}\n"u8.ToArray()]);
        var error = await client.ReadMessageAsync();

        Assert.Equal(20, error!.Value.ErrorCode());
    }

    [Fact]
    public async Task ASecondWorkerOfTheSameAddressIsAuthorizedButAnotherAddressIsNot()
    {
        await using var server = new StratumTestServer();
        server.Work.Publish(clean: true);
        await using var client = await server.ConnectAsync(Transport.Memory);
        await client.CallAsync("mining.subscribe", "[]");

        Assert.True((await client.CallAsync("mining.authorize", """["ltc1qproxy.a","x"]""")).IsTrue());
        Assert.True((await client.CallAsync("mining.authorize", """["ltc1qproxy.b","x"]""")).IsTrue());
        Assert.Equal(24, (await client.CallAsync("mining.authorize", """["ltc1qother.c","x"]""")).ErrorCode());
    }
}
