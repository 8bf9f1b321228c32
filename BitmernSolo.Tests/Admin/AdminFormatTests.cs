using BitmernSolo.Web.Components.Pages.Admin;

namespace BitmernSolo.Tests.Admin;

public sealed class AdminFormatTests
{
    [Theory]
    [InlineData(0.0125, "12.5 ms")]
    [InlineData(4.24, "4.2 s")]
    [InlineData(59.9, "59.9 s")]
    [InlineData(60, "1 min 0 s")]
    [InlineData(312, "5 min 12 s")]
    [InlineData(7200, "2 h 0 min")]
    [InlineData(11_040, "3 h 4 min")]
    [InlineData(47 * 3600 + 59 * 60, "47 h 59 min")]
    [InlineData(2 * 86_400 + 5 * 3600 + 120, "2 d 5 h")]
    public void AnAgeReadsInTheUnitThatFitsIt(double seconds, string expected) =>
        Assert.Equal(expected, AdminFormat.Age(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void NoAgeIsADash() => Assert.Equal("—", AdminFormat.Age(null));
}
