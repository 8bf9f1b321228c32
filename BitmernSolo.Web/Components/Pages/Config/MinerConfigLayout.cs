using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Coins;
using BitmernSolo.Web.Configuration;

namespace BitmernSolo.Web.Components.Pages.Config;

/// <summary>One pool connection rendered in each brand's own shape: its labels, its slots, its file formats.</summary>
internal sealed record MinerConfigLayout(string Host, PortOptions Port, string Url, string User, long SuggestedDifficulty, PowAlgorithm Algorithm)
{
    private const string Password = MinerConfigGenerator.Password;
    private const string LeaveEmpty = "";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public (IReadOnlyList<ConfigField> Fields, IReadOnlyList<ConfigSnippet> Snippets, IReadOnlyList<string> Notes) For(MinerBrand brand) => brand switch
    {
        MinerBrand.BitAxe => BitAxe(),
        MinerBrand.Antminer => ([.. Slots("Pool {0}", "URL", "Worker", "Password")], [], [BackupNote]),
        MinerBrand.Whatsminer => ([.. Slots("Pool {0}", "Pool {0}", "Worker", "Password")], [], [BackupNote]),
        MinerBrand.Avalon => ([.. Slots("Pool {0}", "URL", "Worker", "Password")], [], [BackupNote]),
        MinerBrand.Goldshell => ([new("Pool", "URL", Url), new("Pool", "user", User), new("Pool", "pass", Password)], [], []),
        MinerBrand.Innosilicon => ([.. Slots("Pool {0}", "Pool{0}", "UserName{0}", "Password{0}")], [], [BackupNote]),
        MinerBrand.CGMiner => CgMiner(),
        _ => throw new ArgumentOutOfRangeException(nameof(brand)),
    };

    private const string BackupNote =
        "Pools 2 and 3 are failovers: leave them empty or add another solo pool; the miner only uses them when pool 1 is down.";

    /// <summary>Three pool slots, ours in the first; the others stay empty (a backup of the miner's choosing).</summary>
    private IEnumerable<ConfigField> Slots(string group, string url, string user, string password)
    {
        for (var slot = 1; slot <= 3; slot++)
        {
            var name = string.Format(CultureInfo.InvariantCulture, group, slot);
            var ours = slot == 1;
            yield return new ConfigField(name, string.Format(CultureInfo.InvariantCulture, url, slot), ours ? Url : LeaveEmpty);
            yield return new ConfigField(name, string.Format(CultureInfo.InvariantCulture, user, slot), ours ? User : LeaveEmpty);
            yield return new ConfigField(name, string.Format(CultureInfo.InvariantCulture, password, slot), ours ? Password : LeaveEmpty);
        }
    }

    /// <summary>
    /// ESP-Miner (AxeOS) wants the bare host and the port apart; a scheme in the host field never connects. Field names of
    /// <c>PATCH /api/system</c> as ESP-Miner's NVS config table exposes them (stratumURL, stratumPort, stratumUser, ...).
    /// </summary>
    private (IReadOnlyList<ConfigField>, IReadOnlyList<ConfigSnippet>, IReadOnlyList<string>) BitAxe()
    {
        var difficulty = Math.Min(SuggestedDifficulty, MinerConfigGenerator.BitAxeMaxSuggestedDifficulty);
        var port = Port.Port.ToString(CultureInfo.InvariantCulture);
        var json = new JsonObject
        {
            ["stratumURL"] = Host,
            ["stratumPort"] = Port.Port,
            ["stratumUser"] = User,
            ["stratumPassword"] = Password,
            ["stratumSuggestedDifficulty"] = difficulty,
        };
        if (Port.Tls)
        {
            json["stratumTLS"] = 1;
        }

        var body = json.ToJsonString(Indented);
        var curl = $"curl -X PATCH http://<bitaxe-ip>/api/system -H \"Content-Type: application/json\" -d '{json.ToJsonString()}'\n"
            + "curl -X POST http://<bitaxe-ip>/api/system/restart";
        return (
            [
                new("Stratum", "Stratum Host", Host),
                new("Stratum", "Stratum Port", port),
                new("Stratum", "Stratum User", User),
                new("Stratum", "Stratum Password", Password),
                new("Stratum", "Suggested Difficulty", difficulty.ToString(CultureInfo.InvariantCulture)),
            ],
            [
                new("PATCH /api/system", "json", body),
                new("From a shell", "bash", curl),
            ],
            ["Type the host without stratum+tcp:// — AxeOS takes the port in its own field. Save, then restart the BitAxe."]);
    }

    private (IReadOnlyList<ConfigField>, IReadOnlyList<ConfigSnippet>, IReadOnlyList<string>) CgMiner()
    {
        var difficulty = SuggestedDifficulty.ToString(CultureInfo.InvariantCulture);
        var scrypt = Algorithm == PowAlgorithm.Scrypt;
        var command = $"cgminer{(scrypt ? " --scrypt" : "")} -o {Url} -u {User} -p {Password} --suggest-diff {difficulty}";
        var conf = new JsonObject
        {
            ["pools"] = new JsonArray(new JsonObject { ["url"] = Url, ["user"] = User, ["pass"] = Password }),
            ["suggest-diff"] = difficulty,
        };
        if (scrypt)
        {
            conf["scrypt"] = true;
        }

        IReadOnlyList<string> notes = scrypt
            ? ["scrypt needs a cgminer build that still has scrypt support (3.7.2 or a fork such as sgminer)."]
            : [];
        return (
            [new("Pool", "-o (url)", Url), new("Pool", "-u (user)", User), new("Pool", "-p (pass)", Password)],
            [new("Command line", "bash", command), new("cgminer.conf", "json", conf.ToJsonString(Indented))],
            notes);
    }
}
