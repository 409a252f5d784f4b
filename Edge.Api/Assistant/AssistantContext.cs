using System.Security.Claims;
using System.Text;
using Pipeline.Domain.Platform;
using Pipeline.Edge.Api.Auth;
using Pipeline.Edge.Api.Errors;

namespace Pipeline.Edge.Api.Assistant;

/// <summary>Notes and courses a user names as context for the assistant: their text for the prompt, or 403 for one they cannot see.</summary>
public sealed class AssistantContext(NoteStore notes, CourseCatalogue courses)
{
    public const int MaxRefs = 20;
    private const int MaxNoteChars = 6000;

    public async Task<string> DescribeAsync(ClaimsPrincipal user, IReadOnlyCollection<long> noteIds, IReadOnlyCollection<long> courseIds, CancellationToken ct)
    {
        var userId = user.UserId();
        var text = new StringBuilder();
        var found = await notes.FindManyAsync(userId, noteIds.Distinct().ToList(), ct);
        var missing = noteIds.Distinct().Except(found.Select(n => n.Id)).ToList();
        if (missing.Count > 0)
            throw new ApiException(StatusCodes.Status403Forbidden, "A note in contextRefs is not yours.",
                details: missing.Select(id => new { field = "contextRefs.noteIds", message = $"note {id} is not one of yours" }).ToArray());
        foreach (var note in found)
            text.Append("Note \"").Append(note.Title).Append("\":\n").Append(note.Content.Length > MaxNoteChars ? note.Content[..MaxNoteChars] : note.Content).Append("\n\n");
        foreach (var courseId in courseIds.Distinct())
        {
            var description = await courses.DescribeAsync(userId, courseId, ct)
                ?? throw new ApiException(StatusCodes.Status403Forbidden, "A course in contextRefs is not one you can see.",
                    details: new[] { new { field = "contextRefs.courseIds", message = $"course {courseId} is not one you can see" } });
            text.Append("Course ").Append(description).Append("\n\n");
        }
        return text.ToString().Trim();
    }
}
