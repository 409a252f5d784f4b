using MassTransit;
using Pipeline.Messages.Plans;

namespace Pipeline.Handlers.Plans;

public sealed class CreateStudyPlanConsumerDefinition : ConsumerDefinition<CreateStudyPlanConsumer>
{
    public CreateStudyPlanConsumerDefinition()
    {
        EndpointName = PlanQueues.CreateStudyPlans;
        ConcurrentMessageLimit = 4;
    }
}
