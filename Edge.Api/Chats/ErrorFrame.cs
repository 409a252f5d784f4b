namespace Pipeline.Edge.Api.Chats;

public sealed record ErrorFrame(string Detail)
{
    public string Type => "error";
}
