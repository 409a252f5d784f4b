using Microsoft.Extensions.DependencyInjection;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Domain.Trac;

namespace Pipeline.Domain.Concepts;

/// <summary>Seed 003's learning core stores, for both hosts: Trac tables, concepts, the knowledge graph, progress.</summary>
public static class LearningCoreDataRegistration
{
    public static IServiceCollection AddLearningCoreStores(this IServiceCollection services)
    {
        services.AddSingleton<TracTicketStore>();
        services.AddSingleton<TracImportIssueStore>();
        services.AddSingleton<ConceptStore>();
        services.AddSingleton<ConceptProgressStore>();
        services.AddSingleton<ExerciseSessionStore>();
        services.AddSingleton<AchievementStore>();
        services.AddSingleton<LearnerProfileStore>();
        services.AddSingleton<IKnowledgeGraph, PostgresKnowledgeGraph>();
        return services;
    }
}
