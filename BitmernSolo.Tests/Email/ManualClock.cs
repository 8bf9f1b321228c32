namespace BitmernSolo.Tests.Email;

/// <summary>A clock the test moves by hand; starts at the real time so cookies and tokens stay valid.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
