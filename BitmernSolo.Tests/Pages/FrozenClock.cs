namespace BitmernSolo.Tests.Pages;

/// <summary>A clock that always says the same instant, so windows over seeded minutes never cross a minute mid-test.</summary>
public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
