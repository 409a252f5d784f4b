namespace Pipeline.Edge.Api.Resources.Add;

public enum ResourceSource { Manual, Recommended }
