namespace Pipeline.SearchBench;

/// <summary>
/// What learners type into the search box: 40 subjects, some in the catalogue's own words, most in other words (the
/// semantic half has to find those), each asked in several phrasings so every timed query is a distinct text (a query
/// seen before could be answered from a cache; those are timed separately).
/// </summary>
public static class Queries
{
    public static readonly string[] Subjects =
    [
        "read stock charts", "candlestick patterns", "budget my monthly spending", "pay off student loans", "compound interest",
        "sql joins", "speed up slow database queries", "normalize a relational schema", "python list comprehensions", "write unit tests in python",
        "center a div with css", "javascript promises and async await", "make a website responsive on phones", "build a rest api",
        "secure passwords on a server", "encrypt data at rest", "how computers talk over a network", "dns lookups",
        "train a neural network", "overfitting in machine learning", "linear regression", "gradient descent", "what a derivative means",
        "integrals and area under a curve", "eigenvalues and eigenvectors", "probability of independent events", "bayes theorem",
        "how cells divide", "photosynthesis in plants", "newton's laws of motion", "chemical bonds", "supply and demand",
        "double entry bookkeeping", "chess openings for beginners", "memorize things faster", "sorting algorithms",
        "big o notation", "recursion explained simply", "git branching and merging", "consensus in distributed systems",
    ];

    public static readonly string[] Phrasings = ["{0}", "how to {0}", "learn {0}", "beginner guide: {0}", "{0} explained"];

    public static readonly string[] OtherPhrasings = ["help me understand {0}", "{0} for dummies", "what should I read about {0}"];

    public static List<string> Build(string[] phrasings) =>
        phrasings.SelectMany(p => Subjects.Select(s => string.Format(System.Globalization.CultureInfo.InvariantCulture, p, s))).ToList();

    /// <summary>Turns one catalogue entry into many resources: the same subject treated another way (URLs stay unique).</summary>
    public static readonly (string Title, string Sentence)[] Aspects =
    [
        ("an introduction", "A gentle first look for newcomers."),
        ("worked examples", "Step-by-step worked examples with explanations."),
        ("common mistakes", "The errors people make most often and how to avoid them."),
        ("exercises with answers", "Practice problems with full solutions."),
        ("in practice", "How it is used in real projects and jobs."),
        ("history and background", "Where the idea came from and how it developed."),
        ("a cheat sheet", "The key facts on one page for quick revision."),
        ("an advanced treatment", "A rigorous treatment for readers who know the basics."),
        ("a video lecture", "A recorded university lecture with slides."),
        ("an interactive tutorial", "Learn by doing in the browser."),
        ("a case study", "One real example followed from start to finish."),
        ("frequently asked questions", "Short answers to the questions learners ask most."),
        ("a reading list", "Books and papers to go deeper."),
        ("a quiz", "Test yourself with multiple-choice questions."),
        ("the key ideas", "The few concepts everything else builds on."),
        ("a visual explanation", "Diagrams and animations instead of formulas."),
        ("for children", "Explained simply for young learners."),
        ("for professionals", "What practitioners need to know at work."),
        ("a summary", "A short summary of the essentials."),
        ("a deep dive", "Everything in detail, with references."),
        ("myths and misconceptions", "What people get wrong and why."),
        ("a project", "Build something small to apply it."),
        ("a comparison of approaches", "Different methods side by side, with trade-offs."),
        ("tools and resources", "Software and websites that help."),
        ("terminology", "A glossary of the words used in the field."),
        ("a study plan", "A week-by-week plan to learn it."),
        ("a podcast episode", "An expert conversation to listen to on the go."),
        ("lecture notes", "Notes from a university course."),
    ];
}
