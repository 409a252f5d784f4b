namespace Pipeline.Handlers.Ai.Offline;

/// <summary>The angles offline sections are built from, in curriculum order: basics first, advanced topics last.</summary>
public static class LearningAngles
{
    public static readonly IReadOnlyList<LearningAngle> InCurriculumOrder =
    [
        new("{T} Fundamentals", ["{t} basics", "core principles", "how {t} works", "key goals"]),
        new("Key {T} Terminology", ["essential {t} terms", "glossary", "common abbreviations", "precise definitions"]),
        new("History and Context of {T}", ["origins of {t}", "major milestones", "why {t} matters today", "influential figures"]),
        new("Core {T} Techniques", ["step-by-step methods", "choosing a technique", "{t} workflow", "technique drills"]),
        new("Tools and Resources for {T}", ["essential tools", "setting up your tools", "learning resources", "tool trade-offs"]),
        new("Common Mistakes in {T}", ["typical beginner errors", "misconceptions", "recovering from errors", "warning signs"]),
        new("Best Practices in {T}", ["proven habits", "quality checks", "consistency", "checklists"]),
        new("Real-World {T} Case Studies", ["success stories", "failure analysis", "lessons learned", "comparing approaches"]),
        new("Hands-On {T} Practice Projects", ["project planning", "guided exercise", "self-review", "iterating on feedback"]),
        new("Risk and Ethics in {T}", ["risk management", "ethical considerations", "responsible practice", "regulation and rules"]),
        new("Measuring Progress in {T}", ["progress metrics", "feedback loops", "self-assessment", "setting milestones"]),
        new("Problem Solving with {T}", ["framing a problem", "trade-offs", "decision making", "debugging your approach"]),
        new("Advanced {T} Topics", ["advanced concepts", "edge cases", "current research", "expert heuristics"]),
        new("Teaching and Explaining {T}", ["explaining simply", "mental models", "common questions", "building intuition"]),
    ];
}
