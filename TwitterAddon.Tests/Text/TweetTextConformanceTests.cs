using TwitterAddon.Core.Text;

namespace TwitterAddon.Tests.Text;

public sealed class TweetTextConformanceTests
{
    public static TheoryData<string> WeightedLengthCases => Conformance.Descriptions("weighted-length.jsonl");

    public static TheoryData<string> UrlCases => Conformance.Descriptions("extract-urls.jsonl");

    [Theory]
    [MemberData(nameof(WeightedLengthCases))]
    public void Parse_MatchesTwitterText(string key)
    {
        var c = Conformance.Find("weighted-length.jsonl", key);
        var expected = c.GetProperty("expected");
        var config = c.GetProperty("config").GetString() == "v2" ? TweetTextConfig.V2 : TweetTextConfig.V3;

        var parsed = TweetText.Parse(c.GetProperty("text").GetString()!, config);

        Assert.Equal(
            new ParsedTweet(
                expected.GetProperty("weightedLength").GetInt32(), expected.GetProperty("valid").GetBoolean(),
                expected.GetProperty("permillage").GetInt32(), expected.GetProperty("validRangeStart").GetInt32(),
                expected.GetProperty("validRangeEnd").GetInt32(), expected.GetProperty("displayRangeStart").GetInt32(),
                expected.GetProperty("displayRangeEnd").GetInt32()),
            parsed);
    }

    [Theory]
    [MemberData(nameof(UrlCases))]
    public void ExtractUrls_MatchesTwitterText(string key)
    {
        var c = Conformance.Find("extract-urls.jsonl", key);
        var text = c.GetProperty("text").GetString()!;
        var expected = c.GetProperty("expected");

        var urls = UrlExtractor.Extract(text);

        if (expected.EnumerateArray().FirstOrDefault() is { ValueKind: System.Text.Json.JsonValueKind.Object })
        {
            Assert.Equal(
                expected.EnumerateArray().Select(e => (e.GetProperty("url").GetString(), e.GetProperty("indices")[0].GetInt32(), e.GetProperty("indices")[1].GetInt32())),
                urls.Select(u => ((string?)u.Url, u.Start, u.End)));
        }
        else
        {
            Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()), urls.Select(u => (string?)u.Url));
        }
    }
}
