using System.Buffers;
using System.Text;
using System.Text.Json;
using BitmernSolo.Stratum.Protocol;

namespace BitmernSolo.Tests.Stratum;

public class RequestParserTests
{
    [Theory]
    [InlineData("""{"id":1,"method":"mining.subscribe","params":[]}""", JsonValueKind.Number)]
    [InlineData("""{"id":"abc","method":"mining.subscribe","params":[]}""", JsonValueKind.String)]
    [InlineData("""{"id":null,"method":"mining.subscribe","params":[]}""", JsonValueKind.Null)]
    [InlineData("""{"method":"mining.subscribe","params":[]}""", JsonValueKind.Undefined)]
    public void TheIdMayBeANumberAStringNullOrAbsent(string json, JsonValueKind idKind)
    {
        Assert.True(StratumRequestParser.TryParse(Line(json), out var request));
        Assert.Equal(idKind, request.Id.ValueKind);
        Assert.Equal(StratumMethods.Subscribe, request.Method);
    }

    [Fact]
    public void ParamsOfMixedTypesAreKeptForTheHandler()
    {
        var json = """{"id":7,"method":"mining.configure","params":[["version-rolling"],{"version-rolling.mask":"ffffffff","version-rolling.min-bit-count":16}]}""";

        Assert.True(StratumRequestParser.TryParse(Line(json), out var request));

        Assert.Equal(JsonValueKind.Array, request.Params[0].ValueKind);
        Assert.Equal(16, request.Params[1].GetProperty("version-rolling.min-bit-count").GetInt32());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"id":1,"method":"mining.subscribe","params":[}""")]
    [InlineData("""{"id":1,"params":[]}""")]
    [InlineData("""{"id":{"x":1},"method":"mining.subscribe","params":[]}""")]
    [InlineData("""{"id":1,"method":42,"params":[]}""")]
    [InlineData("""[1,2,3]""")]
    [InlineData("""{"id":1,"method":"a","params":[[[[[[[[[[[]]]]]]]]]]]}""")]
    public void MalformedRequestsAreRefusedWithoutThrowing(string json)
    {
        Assert.False(StratumRequestParser.TryParse(Line(json), out _));
    }

    private static ReadOnlySequence<byte> Line(string json) => new(Encoding.UTF8.GetBytes(json));
}
