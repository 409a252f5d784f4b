namespace Pipeline.Messages;

/// <summary>
/// The queues of the pipeline: part of the public bus contract (docs/bus-contracts.md), so other systems can send
/// commands with any AMQP client.
/// </summary>
public static class QueueNames
{
    /// <summary>Accepts <c>GenerateLearningPath</c>, <c>CancelLearningPathTask</c>, <c>RetryLearningPathTask</c>.</summary>
    public const string LearningPathSaga = "learning-path-saga";

    public const string ExtractLearningGoals = "extract-learning-goals";
    public const string PlanLearningPath = "plan-learning-path";
    public const string SaveLearningPath = "save-learning-path";
    public const string GenerateSectionCards = "generate-section-cards";

    /// <summary>Accepts <c>GenerateReply</c> (the conversation engine's reply worker).</summary>
    public const string GenerateReply = "generate-reply";

    public const string GenerateCoursePlan = "generate-course-plan";
    public const string GenerateLesson = "generate-lesson";
    public const string TestAiConnection = "test-ai-connection";

    /// <summary>Accept <c>TranscribeSpeech</c> and <c>SynthesizeSpeech</c> (voice tutoring, request/response).</summary>
    public const string TranscribeSpeech = "transcribe-speech";
    public const string SynthesizeSpeech = "synthesize-speech";

    public static Uri Address(string queue) => new($"queue:{queue}");
}
