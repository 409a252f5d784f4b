namespace Pipeline.Edge.Api.Goals;

public enum GoalStatus { Active, Completed, Paused, Abandoned }
