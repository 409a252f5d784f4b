namespace Pipeline.Handlers.Resources;

/// <summary>Vectors are stored at unit length, so similarity is a plain dot product wherever it is computed.</summary>
public static class UnitLength
{
    public static float[] Of(ReadOnlySpan<float> vector)
    {
        var norm = 0.0;
        foreach (var x in vector) norm += x * x;
        norm = Math.Sqrt(norm);
        var result = vector.ToArray();
        if (norm > 0)
            for (var i = 0; i < result.Length; i++) result[i] = (float)(result[i] / norm);
        return result;
    }
}
