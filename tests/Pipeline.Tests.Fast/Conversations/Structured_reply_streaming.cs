using System.Text.Json;
using Pipeline.Handlers.Conversations;

namespace Pipeline.Tests.Fast.Conversations;

/// <summary>A tutoring reply asked as structured output streams its prose as it arrives (<see cref="JsonStringFieldStream"/>).</summary>
public sealed class Structured_reply_streaming
{
    private static string Stream(string json, int chunk)
    {
        var reader = new JsonStringFieldStream("message");
        var seen = "";
        for (var i = 0; i < json.Length; i += chunk) seen += reader.Feed(json.Substring(i, Math.Min(chunk, json.Length - i)));
        return seen;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(1000)]
    public void The_prose_comes_out_decoded_whatever_the_chunks(int chunk)
    {
        var prose = "Use \"headers\" for versions:\n\t- a \\ backslash, é and 😀. Which one?";
        var json = JsonSerializer.Serialize(new
        {
            code_examples = new[] { new { language = "python", title = "message", code = "print(\"message\")" } },
            message = prose,
            follow_up_questions = new[] { "What next?" },
        });

        Assert.Equal(prose, Stream(json, chunk));
    }

    [Fact]
    public void Escaped_unicode_is_decoded()
    {
        Assert.Equal("caf\u00e9 \ud83d\ude00", Stream("{\"message\": \"caf\\u00e9 \\ud83d\\ude00\", \"code_examples\": []}", 2));
    }

    [Fact]
    public void A_nested_field_of_the_same_name_is_not_the_prose()
    {
        Assert.Equal("top", Stream("{\"meta\": {\"message\": \"inner\"}, \"message\": \"top\"}", 4));
    }

    [Fact]
    public void A_reply_that_is_not_json_passes_through()
    {
        var reader = new JsonStringFieldStream("message");
        Assert.Equal("Plain ", reader.Feed("Plain "));
        Assert.Equal("prose.", reader.Feed("prose."));
        Assert.False(reader.IsJson);
    }

    [Fact]
    public void The_tutor_schema_asks_for_prose_code_examples_and_follow_ups_strictly()
    {
        var schema = StructuredReplies.TutorSchema;
        Assert.Equal(["message", "code_examples", "follow_up_questions"], schema.GetProperty("required").EnumerateArray().Select(p => p.GetString()));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        var example = schema.GetProperty("properties").GetProperty("code_examples").GetProperty("items");
        Assert.Equal(["language", "title", "code"], example.GetProperty("required").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(3, schema.GetProperty("properties").GetProperty("follow_up_questions").GetProperty("maxItems").GetInt32());
    }

    [Fact]
    public void A_structured_answer_is_read_and_one_without_prose_is_not()
    {
        var answer = StructuredReplies.Read("""{"message":"Hi","code_examples":[{"language":"","title":"T","code":"x = 1"}],"follow_up_questions":[" Next? ",""]}""");
        Assert.NotNull(answer);
        Assert.Equal("text", answer.CodeExamples[0].Language);
        Assert.Equal(["Next?"], answer.FollowUpQuestions);
        Assert.Null(StructuredReplies.Read("""{"message":"","code_examples":[],"follow_up_questions":[]}"""));
        Assert.Null(StructuredReplies.Read("Just prose."));
    }
}
