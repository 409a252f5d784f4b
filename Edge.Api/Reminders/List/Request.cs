using Pipeline.Edge.Api.Lists;

namespace Pipeline.Edge.Api.Reminders.List;

public sealed class Request : ListQuery
{
    public sealed class Validator : ListQueryValidator<Request>;
}
