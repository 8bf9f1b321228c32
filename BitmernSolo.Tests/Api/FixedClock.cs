namespace BitmernSolo.Tests.Api;

/// <summary>A clock that stands still, so windows and "today" in API answers are exact.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
