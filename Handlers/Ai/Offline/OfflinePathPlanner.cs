using Pipeline.Messages.Content;

namespace Pipeline.Handlers.Ai.Offline;

/// <summary>
/// A learning path from templates, sized like a model would size it: about one course per ten days (one to six
/// courses, one more for advanced learners), three or four sections per course, each section on a different angle.
/// </summary>
public static class OfflinePathPlanner
{
    public const int MaxCourses = 6;

    // Course themes in curriculum order; a short path takes evenly spaced ones, so it still ends on practice.
    private static readonly string[] CourseThemes =
    [
        "Foundations of {T}",
        "Core {T} Techniques",
        "Tools and Workflows for {T}",
        "{T} in Practice",
        "Avoiding Pitfalls in {T}",
        "Advanced {T}",
        "Mastering {T}: Capstone Projects",
    ];

    private static readonly string[] PassSuffixes = ["", ": Going Deeper", ": Expert Practice"];
    private static readonly string[] PassKeywordForms = ["{0}", "{0} in depth", "applied {0}"];

    public static PlannedPath Plan(LearningGoals goals)
    {
        var topic = TopicText.JoinAsList(goals.Interests.Count > 0 ? goals.Interests : ["your topic"]);
        var displayTopic = TopicText.TitleCase(topic);
        var difficulty = goals.DifficultyLevel;
        var days = Math.Clamp(goals.EstimatedDays, LearningContentLimits.MinDays, LearningContentLimits.MaxDays);

        var courseCount = Math.Clamp((int)Math.Ceiling(days / 10.0) + (difficulty == "advanced" ? 1 : 0), 1, MaxCourses);
        // Advanced learners skip the basics; intermediate ones skip the very first angles.
        var firstAngle = difficulty switch { "advanced" => 3, "intermediate" => 1, _ => 0 };
        var angleCount = LearningAngles.InCurriculumOrder.Count - firstAngle;
        var sectionNumber = 0;
        var keywordsPerSection = difficulty == "advanced" ? 4 : 3;
        var usedTitles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var courses = new List<PlannedCourse>();
        for (var c = 0; c < courseCount; c++)
        {
            var theme = CourseThemes[courseCount == 1 ? 0 : (int)Math.Round(c * (CourseThemes.Length - 1) / (double)(courseCount - 1))];
            var courseTitle = theme.Replace("{T}", displayTopic, StringComparison.Ordinal);
            var sectionCount = difficulty switch { "advanced" => 4, "intermediate" => 3 + c % 2, _ => days <= 7 ? 3 : 3 + (c + 1) % 2 };

            var sections = new List<PlannedSection>();
            for (var s = 0; s < sectionCount; s++)
            {
                var angle = LearningAngles.InCurriculumOrder[firstAngle + sectionNumber % angleCount];
                // A long path wraps around the angles; later passes go deeper rather than repeating a section.
                var pass = Math.Min(sectionNumber / angleCount, PassSuffixes.Length - 1);
                var title = angle.Title(topic) + PassSuffixes[pass];
                for (var part = 2; !usedTitles.Add(title); part++) title = $"{angle.Title(topic)} (Part {part})";
                var keywords = angle.Keywords(topic, keywordsPerSection).Select(k => string.Format(PassKeywordForms[pass], k)).ToList();
                sections.Add(new PlannedSection(title, keywords));
                sectionNumber++;
            }
            var description = $"{OfflineLabel.DescriptionPrefix} Course {c + 1} of {courseCount}: " +
                $"{TopicText.JoinAsList(sections.Select(section => section.Title).ToList())}.";
            courses.Add(new PlannedCourse(courseTitle, description, sections));
        }

        return new PlannedPath(
            $"{displayTopic}: A {days}-Day {TopicText.TitleCase(difficulty)} Learning Path",
            $"{OfflineLabel.DescriptionPrefix} A {difficulty} path through {topic} in {courseCount} " +
            $"course{(courseCount == 1 ? "" : "s")} over about {days} days. Written from templates by the offline provider, " +
            "not by an AI model; configure Ai:Endpoint for generated content.",
            courses);
    }
}
