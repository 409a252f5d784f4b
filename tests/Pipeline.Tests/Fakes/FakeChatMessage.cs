namespace Pipeline.Tests.Fakes;

public record FakeChatMessage(string Role, string Content);
