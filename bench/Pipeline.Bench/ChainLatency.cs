using System.Diagnostics;
using MassTransit;

namespace Pipeline.Bench;

/// <summary>Times chains of sends one after another, each from the first send until its last hop is received.</summary>
public static class ChainLatency
{
    public static async Task<object> MeasureAsync(IBus bus, ChainWaits waits, int count, int hops)
    {
        var queue = await bus.GetSendEndpoint(new Uri("queue:bench-chain-hop"));
        const int warmUp = 20;
        var times = new List<double>(count);
        for (var i = 0; i < warmUp + count; i++)
        {
            var chainId = Guid.NewGuid();
            var done = waits.Start(chainId);
            var clock = Stopwatch.StartNew();
            // The first send is hop 1; the consumer sends the other hops - 1.
            await queue.Send(new ChainHop(chainId, hops - 1));
            await done.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= warmUp) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double At(double share) => Math.Round(times[(int)Math.Min(times.Count - 1, Math.Floor(share * times.Count))], 2);
        return new { chains = count, hops, p50_ms = At(0.5), p95_ms = At(0.95), per_hop_p50_ms = Math.Round(At(0.5) / hops, 3) };
    }
}
