namespace Pipeline.Handlers.Ai;

public record AiResult<T>(T Value, AiUsage Usage);
