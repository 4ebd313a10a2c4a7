using BenchmarkDotNet.Attributes;
using TwitterAddon.Core.Text;

namespace TwitterAddon.Benchmarks;

/// <summary>Mean time of one <see cref="TweetText.Parse(string)"/> over 10,000 mixed replies (target: at most 5 µs).</summary>
[MemoryDiagnoser]
public class TweetTextBenchmark
{
    private const int Replies = 10_000;
    private IReadOnlyList<string> corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        corpus = ReplyCorpus.Build(Replies);
        // Build the URL and emoji tables before measuring.
        TweetText.Parse(corpus[0]);
    }

    [Benchmark(OperationsPerInvoke = Replies)]
    public int Parse()
    {
        var total = 0;
        foreach (var reply in corpus)
        {
            total += TweetText.Parse(reply).WeightedLength;
        }

        return total;
    }
}
