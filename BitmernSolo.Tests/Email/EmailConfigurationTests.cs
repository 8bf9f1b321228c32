using BitmernSolo.Tests.Web;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Email;

namespace BitmernSolo.Tests.Email;

/// <summary>Mail, notification and statistics settings are checked at start-up like every other section.</summary>
public sealed class EmailConfigurationTests
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Smtp:From", "not an address", "Smtp:From: 'not an address' is not an e-mail address" },
        { "Pool:PublicUrl", "pool.example.com", "Pool:PublicUrl: 'pool.example.com' is not an absolute http(s) URL" },
        { "Notifications:MaxAttempts", "0", "Notifications:MaxAttempts: must be at least 1" },
        { "Notifications:RetryDelaySeconds", "-1", "Notifications:RetryDelaySeconds: must not be negative" },
        { "Stats:RetentionDays", "1", "Stats:RetentionDays: must be longer than Stats:MinuteRetentionHours" },
        { "Stats:DeleteBatchSize", "0", "Stats:DeleteBatchSize: must be at least 1" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void ABadValueStopsStartUpWithAMessageNamingTheKey(string key, string value, string expectedMessage)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Smtp:", StringComparison.Ordinal))
        {
            settings["Smtp:Host"] = "mail.example.com";
        }

        var message = ConfigurationValidationTests.StartUpFailure(settings);

        Assert.Contains(expectedMessage, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://localhost:5000/alerts")]
    [InlineData("https://pool.example.com/", "https://pool.example.com/alerts")]
    [InlineData("https://example.com/pool", "https://example.com/pool/alerts")]
    public void ThePreferencesLinkStartsWithThePublicUrl(string? publicUrl, string expected)
    {
        var pool = new PoolOptions { PublicUrl = publicUrl };

        Assert.Equal(expected, pool.ResolvePublicUrl() + "/alerts");
    }

    [Fact]
    public void AnOverlongDeduplicationKeyIsHashedButKeepsItsKind()
    {
        var key = DeduplicationKey.Create(NotificationKinds.WorkerOffline, "ltc", new string('a', 128), new string('w', 64), "638000000000000000", Guid.NewGuid().ToString());

        Assert.True(key.Length <= DeduplicationKey.MaxLength);
        Assert.StartsWith("worker-offline:sha256:", key, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(20, 3600)]
    public void RetriesBackOffByDoublingUpToAnHour(int attempts, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), NotificationDelivery.Backoff(attempts, 30));
}
