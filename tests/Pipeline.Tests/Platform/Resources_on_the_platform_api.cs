using System.Net;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Platform;

[Collection(PlatformCollection.Name)]
public sealed class Resources_on_the_platform_api(PlatformFixture fixture)
{
    private static readonly TimeSpan CatalogueEmbedded = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Semantic_search_finds_a_resource_by_meaning_with_no_shared_word_offline()
    {
        var ada = await fixture.SignUpAsync();
        const string query = "how to read stock charts";
        const string title = "Technical analysis: candlestick patterns";
        Assert.Empty(Words(query).Intersect(Words(title)));

        // The starter catalogue is embedded by Handlers after it starts (local MiniLM, no network): poll until it is.
        var hit = await Eventually.ReturnsAsync(async () =>
        {
            var page = await (await ada.Client.GetAsync($"/api/v1/resources?q={Uri.EscapeDataString(query)}&limit=5")).ExpectAsync(HttpStatusCode.OK);
            return page.Items().FirstOrDefault(r => r.GetProperty("title").GetString() == title);
        }, found => found.ValueKind == JsonValueKind.Object, CatalogueEmbedded, $"'{title}' among the first 5 for '{query}'");

        Assert.Equal(JsonValueKind.Null, hit.GetProperty("text_rank").ValueKind);
        Assert.True(hit.GetProperty("similarity").GetDouble() >= 0.2);
    }

    [Fact]
    public async Task Full_text_and_meaning_are_merged_with_both_matches_first()
    {
        var ada = await fixture.SignUpAsync();

        var page = await Eventually.ReturnsAsync(
            async () => await (await ada.Client.GetAsync("/api/v1/resources?q=eigenvalues&limit=10")).ExpectAsync(HttpStatusCode.OK),
            p => p.Items().Count > 0 && p.Items()[0].GetProperty("similarity").ValueKind == JsonValueKind.Number, CatalogueEmbedded);

        var first = page.Items()[0];
        Assert.Contains("Eigenvalues", first.GetProperty("title").GetString());
        Assert.Equal(1, first.GetProperty("text_rank").GetInt32());
        Assert.True(page.GetProperty("total").GetInt64() >= page.Items().Count);
        var scores = page.Items().Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task An_added_resource_is_embedded_by_handlers_and_found_only_by_its_owner()
    {
        var ada = await fixture.SignUpAsync();
        var bob = await fixture.SignUpAsync();
        var body = new { title = "Growing tomatoes on a balcony", type = "video", url = $"https://example.org/tomatoes/{Guid.NewGuid():N}", description = "Containers, soil and watering for tomato plants.", tags = new[] { "gardening" } };

        var added = await (await ada.Client.PostJsonAsync("/api/v1/resources", body)).ExpectAsync(HttpStatusCode.Created);
        var again = await (await ada.Client.PostJsonAsync("/api/v1/resources", body)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(added.Id(), again.Id());

        // Found by meaning once Handlers has embedded it: no word of the query is in it.
        var found = await Eventually.ReturnsAsync(
            async () => await (await ada.Client.GetAsync("/api/v1/resources?q=vegetable+garden+in+pots&type=video")).ExpectAsync(HttpStatusCode.OK),
            p => p.Items().Any(r => r.Id() == added.Id()), CatalogueEmbedded);
        Assert.All(found.Items(), r => Assert.Equal("video", r.GetProperty("type").GetString()));
        Assert.True(found.Items().Single(r => r.Id() == added.Id()).GetProperty("embedded").GetBoolean());

        var bobs = await (await bob.Client.GetAsync("/api/v1/resources?q=tomatoes+balcony")).ExpectAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(bobs.Items(), r => r.Id() == added.Id());
    }

    [Fact]
    public async Task The_starter_catalogue_is_there_and_pages()
    {
        var ada = await fixture.SignUpAsync();

        var first = await (await ada.Client.GetAsync("/api/v1/resources?limit=100")).ExpectAsync(HttpStatusCode.OK);
        var second = await (await ada.Client.GetAsync("/api/v1/resources?limit=100&offset=100")).ExpectAsync(HttpStatusCode.OK);
        var videos = await (await ada.Client.GetAsync("/api/v1/resources?type=book")).ExpectAsync(HttpStatusCode.OK);

        Assert.True(first.GetProperty("total").GetInt64() >= 300, $"{first.GetProperty("total")} resources");
        Assert.Equal(100, first.Items().Count);
        Assert.Empty(first.Items().Select(r => r.Id()).Intersect(second.Items().Select(r => r.Id())));
        Assert.All(videos.Items(), r => Assert.Equal("book", r.GetProperty("type").GetString()));
        Assert.All(first.Items(), r => Assert.StartsWith("https://", r.GetProperty("url").GetString()));
        await (await fixture.CreateClient().GetAsync("/api/v1/resources")).ExpectErrorAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"title": "x", "url": "https://example.org", "type": "podcastish"}""", "type")]
    [InlineData("""{"title": "x", "url": "ftp://example.org/file"}""", "url")]
    [InlineData("""{"url": "https://example.org"}""", "title")]
    [InlineData("""{"title": "x", "url": "https://example.org", "source": "stolen"}""", "source")]
    [InlineData("""{"title": "x", "url": "https://example.org", "tags": [1, 2]}""", "tags[0]")]
    public async Task A_bad_resource_body_is_400_naming_the_field(string body, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.SendRawAsync(HttpMethod.Post, "/api/v1/resources", body)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("/api/v1/resources?type=hologram", "type")]
    [InlineData("/api/v1/resources?limit=1000", "limit")]
    public async Task A_bad_search_is_400_naming_the_parameter(string path, string field)
    {
        var ada = await fixture.SignUpAsync();

        await (await ada.Client.GetAsync(path)).ExpectErrorAsync(HttpStatusCode.BadRequest, field);
    }

    private static IEnumerable<string> Words(string text) =>
        text.ToLowerInvariant().Split([' ', ':', ',', '.'], StringSplitOptions.RemoveEmptyEntries);
}
