using System.Text.Json;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Web.Components.Pages.Config;
using BitmernSolo.Web.Configuration;

namespace BitmernSolo.Tests.Miner;

public sealed class MinerConfigGeneratorTests
{
    private const string Host = "pool.example.net";
    private const string BtcAddress = "bc1qvyq0cc6rahyvsazfdje0twl7ez82ndmuac2lhv";
    private const string LtcAddress = "rltc1qslj02aeqrc8293y5amkjjf49w87armg5xh7jdp";

    private static readonly CoinNetwork Bitcoin = CoinRegistry.Get("bitcoin", NetworkKind.Main);
    private static readonly CoinNetwork Litecoin = CoinRegistry.Get("litecoin", NetworkKind.Regtest);

    // The shipped bitcoin and litecoin port layouts (appsettings.json).
    private static readonly List<PortOptions> BtcPorts =
    [
        Port(3333, "BitAxe / small", 1000, 500, 50000),
        Port(3334, "Mid", 16384, 4096, 1_000_000),
        Port(3335, "Large", 262144, 65536, 16_777_216),
        Port(3336, "Farm", 2_000_000, 500_000, 1_000_000_000),
    ];

    private static readonly List<PortOptions> LtcPorts =
    [
        Port(3350, "Small", 4096, 512, 65536),
        Port(3351, "Large (L7 / L9)", 65536, 16384, 2_097_152),
        Port(3352, "Farm", 1_048_576, 262_144, 67_108_864),
    ];

    private static PortOptions Port(int port, string name, double start, double min, double max, bool tls = false) =>
        new() { Port = port, Name = name, Tls = tls, Difficulty = new DifficultyOptions { Start = start, Min = min, Max = max, TargetSeconds = 10 } };

    private static MinerModel Model(MinerBrand brand, string nameStart) =>
        MinerCatalog.ModelsOf(brand).First(m => m.Name.StartsWith(nameStart, StringComparison.Ordinal));

    private static MinerConfigResult Generate(MinerModel model, CoinNetwork coin, List<PortOptions> ports, string address, string worker = "rig1") =>
        MinerConfigGenerator.Generate(new MinerConfigRequest(Host, coin, ports, model, address, worker));

    private static string Field(MinerConfigResult result, string group, string label) =>
        Assert.Single(result.Fields, f => f.Group == group && f.Label == label).Value;

    [Fact]
    public void BitAxeGetsTheBareHostThePortApartAndTheAddressDotWorkerAsUser()
    {
        var result = Generate(Model(MinerBrand.BitAxe, "BitAxe Gamma"), Bitcoin, BtcPorts, BtcAddress, "gamma");

        Assert.True(result.Supported);
        Assert.Equal(Host, Field(result, "Stratum", "Stratum Host"));
        Assert.DoesNotContain("://", Field(result, "Stratum", "Stratum Host"), StringComparison.Ordinal);
        Assert.Equal("3333", Field(result, "Stratum", "Stratum Port"));
        Assert.Equal(BtcAddress + ".gamma", Field(result, "Stratum", "Stratum User"));
        Assert.Equal("x", Field(result, "Stratum", "Stratum Password"));
        // 1.2 TH/s × 10 s / 2^32 ≈ 2794.
        Assert.Equal("2794", Field(result, "Stratum", "Suggested Difficulty"));
    }

    [Fact]
    public void BitAxePatchJsonUsesEspMinerFieldNamesWithTypedValues()
    {
        var result = Generate(Model(MinerBrand.BitAxe, "BitAxe Ultra"), Bitcoin, BtcPorts, BtcAddress, "ultra");

        var snippet = Assert.Single(result.Snippets, s => s.Title == "PATCH /api/system");
        using var json = JsonDocument.Parse(snippet.Text);
        var root = json.RootElement;
        Assert.Equal(Host, root.GetProperty("stratumURL").GetString());
        Assert.Equal(3333, root.GetProperty("stratumPort").GetInt32());
        Assert.Equal(BtcAddress + ".ultra", root.GetProperty("stratumUser").GetString());
        Assert.Equal("x", root.GetProperty("stratumPassword").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("stratumSuggestedDifficulty").ValueKind);
        Assert.False(root.TryGetProperty("stratumTLS", out _));
    }

    [Fact]
    public void BitAxeSuggestedDifficultyNeverExceedsTheFirmwaresSixteenBitField()
    {
        var bigStart = new List<PortOptions> { Port(4000, "Only big", 500_000, 200_000, 1_000_000) };

        var result = Generate(Model(MinerBrand.BitAxe, "BitAxe Gamma"), Bitcoin, bigStart, BtcAddress);

        Assert.Equal("65535", Field(result, "Stratum", "Suggested Difficulty"));
    }

    [Fact]
    public void BitAxeCannotMineAScryptCoinAndSaysSoPlainly()
    {
        var result = Generate(Model(MinerBrand.BitAxe, "BitAxe Gamma"), Litecoin, LtcPorts, LtcAddress);

        Assert.False(result.Supported);
        Assert.Contains("scrypt", result.UnsupportedReason, StringComparison.Ordinal);
        Assert.Empty(result.Fields);
    }

    [Theory]
    [InlineData(MinerBrand.Antminer, "Antminer S21 XP", "URL", "Worker", "Password")]
    [InlineData(MinerBrand.Whatsminer, "Whatsminer M60", "Pool {0}", "Worker", "Password")]
    [InlineData(MinerBrand.Avalon, "Avalon A1366", "URL", "Worker", "Password")]
    [InlineData(MinerBrand.Innosilicon, "Innosilicon T3", "Pool{0}", "UserName{0}", "Password{0}")]
    public void ThreeSlotBrandsFillPoolOneInTheirOwnLabelsAndLeaveTheOthersEmpty(
        MinerBrand brand, string model, string urlLabel, string userLabel, string passwordLabel)
    {
        var result = Generate(Model(brand, model), Bitcoin, BtcPorts, BtcAddress, "big");

        Assert.Equal(9, result.Fields.Count);
        Assert.Equal("stratum+tcp://" + Host + ":3335", Field(result, "Pool 1", string.Format(System.Globalization.CultureInfo.InvariantCulture, urlLabel, 1)));
        Assert.Equal(BtcAddress + ".big", Field(result, "Pool 1", string.Format(System.Globalization.CultureInfo.InvariantCulture, userLabel, 1)));
        Assert.Equal("x", Field(result, "Pool 1", string.Format(System.Globalization.CultureInfo.InvariantCulture, passwordLabel, 1)));
        Assert.All(result.Fields.Where(f => f.Group != "Pool 1"), f => Assert.Equal("", f.Value));
    }

    [Fact]
    public void AntminerL9OnLitecoinGetsTheFarmPortBecauseOfTheScryptMultiplier()
    {
        // 16 GH/s × 10 s × 65536 / 2^32 ≈ 2.44 M: above the L7/L9 port's 2097152 maximum, inside the farm port's range.
        var result = Generate(Model(MinerBrand.Antminer, "Antminer L9"), Litecoin, LtcPorts, LtcAddress, "l9");

        Assert.True(result.Supported);
        Assert.Equal(3352, result.Port!.Port.Port);
        Assert.True(result.Port.InRange);
        Assert.Equal("stratum+tcp://" + Host + ":3352", Field(result, "Pool 1", "URL"));
    }

    [Fact]
    public void AmongPortsWhoseRangeHoldsTheDifficultyTheOneStartingNearestWins()
    {
        // 9.5 GH/s × 10 × 65536 / 2^32 ≈ 1.45 M: inside both 16384–2097152 (start 65536) and 262144–67108864 (start 1048576).
        var result = Generate(Model(MinerBrand.Antminer, "Antminer L7"), Litecoin, LtcPorts, LtcAddress);

        Assert.Equal(3352, result.Port!.Port.Port);
        Assert.InRange(result.Port.IdealDifficulty, 1_445_000, 1_455_000);
    }

    [Fact]
    public void AnS19CannotMineLitecoinButTheAntminerBrandCan()
    {
        var result = Generate(Model(MinerBrand.Antminer, "Antminer S19 XP"), Litecoin, LtcPorts, LtcAddress);

        Assert.False(result.Supported);
        Assert.Contains("Antminer S19 XP mines SHA-256d", result.UnsupportedReason, StringComparison.Ordinal);
        Assert.Null(MinerConfigGenerator.BrandCannotMine(MinerBrand.Antminer, MinerAlgorithm.Scrypt, "Litecoin"));
    }

    [Fact]
    public void GoldshellHasNoSha256ModelsAndSaysSoForBitcoin()
    {
        var result = Generate(Model(MinerBrand.Goldshell, "Goldshell LT6"), Bitcoin, BtcPorts, BtcAddress);

        Assert.False(result.Supported);
        Assert.Equal("Goldshell makes no SHA-256 miners, so none of its models can mine Bitcoin.", result.UnsupportedReason);
    }

    [Fact]
    public void GoldshellOnLitecoinUsesUrlUserPass()
    {
        var result = Generate(Model(MinerBrand.Goldshell, "Goldshell LT6"), Litecoin, LtcPorts, LtcAddress, "lt6");

        Assert.Equal(["URL", "user", "pass"], result.Fields.Select(f => f.Label));
        Assert.Equal(LtcAddress + ".lt6", Field(result, "Pool", "user"));
    }

    [Theory]
    [InlineData("bitcoin")]
    [InlineData("litecoin")]
    [InlineData("dogecoin")]
    public void IceRiverMinesKaspaAndCannotMineAnyCoinHere(string coin)
    {
        var network = CoinRegistry.Get(coin, NetworkKind.Main);

        var result = Generate(Model(MinerBrand.IceRiver, "IceRiver KS3"), network, BtcPorts, BtcAddress);

        Assert.False(result.Supported);
        Assert.Contains("Kaspa", result.UnsupportedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void CgminerGetsACommandLineAndAConfFileThatAgree()
    {
        var result = Generate(Model(MinerBrand.CGMiner, "cgminer with a SHA-256"), Bitcoin, BtcPorts, BtcAddress, "usb");

        var command = Assert.Single(result.Snippets, s => s.Title == "Command line").Text;
        Assert.Equal($"cgminer -o stratum+tcp://{Host}:3333 -u {BtcAddress}.usb -p x --suggest-diff 698", command);
        using var conf = JsonDocument.Parse(Assert.Single(result.Snippets, s => s.Title == "cgminer.conf").Text);
        var pool = Assert.Single(conf.RootElement.GetProperty("pools").EnumerateArray());
        Assert.Equal($"stratum+tcp://{Host}:3333", pool.GetProperty("url").GetString());
        Assert.Equal($"{BtcAddress}.usb", pool.GetProperty("user").GetString());
        Assert.Equal("x", pool.GetProperty("pass").GetString());
    }

    [Fact]
    public void ATlsOnlyPoolIsShownAsStratumSsl()
    {
        var tls = new List<PortOptions> { Port(4443, "TLS", 1000, 500, 50000, tls: true) };

        var result = Generate(Model(MinerBrand.Antminer, "Antminer S19"), Bitcoin, tls, BtcAddress);

        Assert.StartsWith("stratum+ssl://", Field(result, "Pool 1", "URL"), StringComparison.Ordinal);
        Assert.Contains(result.Notes, n => n.Contains("TLS", StringComparison.Ordinal));
    }

    [Fact]
    public void PlainTcpIsPreferredOverATlsPortWithTheSameRange()
    {
        var ports = new List<PortOptions> { Port(4443, "TLS", 1000, 500, 50000, tls: true), Port(3333, "TCP", 1000, 500, 50000) };

        var choice = MinerConfigGenerator.RecommendPort(ports, 1e12, 1);

        Assert.Equal(3333, choice!.Port.Port);
    }

    [Fact]
    public void AHashrateNoPortFitsGetsTheNearestPortAndANote()
    {
        var result = Generate(Model(MinerBrand.Antminer, "Antminer S21 XP"), Bitcoin, [BtcPorts[0]], BtcAddress);

        Assert.True(result.Supported);
        Assert.False(result.Port!.InRange);
        Assert.Contains(result.Notes, n => n.Contains("nearest", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rig 1", "rig1")]
    [InlineData("my.worker", "myworker")]
    [InlineData("gamma_01-a", "gamma_01-a")]
    [InlineData("", "")]
    public void WorkerNamesKeepOnlyWhatStratumLoginsAccept(string input, string expected) =>
        Assert.Equal(expected, MinerConfigGenerator.CleanWorker(input));

    [Fact]
    public void AnEmptyWorkerLogsInWithTheBareAddress()
    {
        var result = Generate(Model(MinerBrand.Avalon, "Avalon Nano 3"), Bitcoin, BtcPorts, BtcAddress, "");

        Assert.Equal(BtcAddress, result.User);
    }

    [Fact]
    public void EveryBrandHasAtLeastOneModelAndEveryModelAPositiveHashrate()
    {
        Assert.All(MinerCatalog.Brands, b => Assert.NotEmpty(MinerCatalog.ModelsOf(b)));
        Assert.All(MinerCatalog.Models, m => Assert.True(m.TypicalHashrate > 0, m.Name));
    }

    [Fact]
    public void EveryModelThatCanMineACoinGetsSettingsAndEveryOtherGetsAReason()
    {
        foreach (var coin in CoinRegistry.All.Select(c => c[NetworkKind.Main]))
        {
            foreach (var model in MinerCatalog.Models)
            {
                var result = Generate(model, coin, BtcPorts, BtcAddress);
                var canMine = model.Algorithm == (coin.Algorithm == PowAlgorithm.Scrypt ? MinerAlgorithm.Scrypt : MinerAlgorithm.Sha256d);
                Assert.Equal(canMine, result.Supported);
                Assert.Equal(canMine, result.Fields.Count > 0);
            }
        }
    }
}
