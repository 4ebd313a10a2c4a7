namespace TwitterAddon.LoadTest;

/// <summary>Scrapes a host's <c>/metrics</c> once a second, as Prometheus would, and keeps one gauge's values.</summary>
internal static class MetricsScrape
{
    public static async Task<List<string>> SampleAsync(string baseUrl, string metric, CancellationToken stop)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var values = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var text = await http.GetStringAsync(baseUrl + "/metrics", stop);
                var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(metric + "{", StringComparison.Ordinal) || l.StartsWith(metric + " ", StringComparison.Ordinal));
                values.Add(line?.Split(' ')[^1] ?? "-");
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException)
            {
                values.Add("x");
            }
        }

        return values;
    }

    /// <summary>
    /// One histogram's cumulative bucket counts now (upper bound "le" to count), for the series holding
    /// <paramref name="label"/>; none when /metrics does not answer.
    /// </summary>
    public static async Task<Dictionary<string, double>> BucketsAsync(string baseUrl, string metric, string label)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var buckets = new Dictionary<string, double>();
        string text;
        try
        {
            text = await http.GetStringAsync(baseUrl + "/metrics");
        }
        catch (HttpRequestException)
        {
            // A figure the run can do without: it says so instead of ending.
            return buckets;
        }

        foreach (var line in text.Split('\n').Where(l => l.StartsWith(metric + "_bucket{", StringComparison.Ordinal) && l.Contains(label, StringComparison.Ordinal)))
        {
            var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
            buckets[le[..le.IndexOf('"', StringComparison.Ordinal)]] = double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }

        return buckets;
    }
}
