namespace Pipeline.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes: tests never sleep for a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, TimeSpan timeout, string? because = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(50);
        T last;
        while (true)
        {
            last = await probe();
            if (accept(last)) return last;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Condition not met within {timeout.TotalSeconds:0.#}s{(because is null ? "" : ": " + because)}. Last value: {Describe(last)}");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 500));
        }
    }

    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string? because = null) =>
        ReturnsAsync(condition, ok => ok, timeout, because);

    private static string Describe<T>(T value) => value switch
    {
        HttpResponseMessage response => $"{(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}",
        _ => value?.ToString() ?? "null",
    };
}
