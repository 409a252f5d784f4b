using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using Pipeline.BenchSetup;
using Pipeline.Domain.Concepts;
using Pipeline.Domain.KnowledgeGraph;
using Pipeline.Edge.Api.KnowledgeGraph.Path;
using QuikGraph;
using QuikGraph.Algorithms;
using static Pipeline.BenchSetup.Bench;

// ./bench.sh graph: a generated knowledge graph (BENCH_GRAPH_CONCEPTS, default 10,000 concepts; BENCH_GRAPH_EDGES,
// 40,000 prerequisite edges) in its own database; the work behind GET /knowledge/path (prerequisite closure by recursive
// CTE, concept rows, topological order) and GET /knowledge/graph?depth=3 (neighbourhood by recursive CTE, concept rows,
// edges among them) timed per call, against the same answers computed in memory with QuikGraph in the same run.
var concepts = Setting("BENCH_GRAPH_CONCEPTS", 10_000);
var edgeCount = Setting("BENCH_GRAPH_EDGES", 40_000);
var samples = Setting("BENCH_GRAPH_SAMPLES", 200);
await using var database = await BenchDatabase.CreateAsync("pipeline_graph_bench", "graph");
// As the hosts configure theirs (ServiceDefaultsRegistration): no reset on close, statements prepared automatically.
await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString(c =>
{
    c.NoResetOnClose = true;
    c.MaxAutoPrepare = 64;
    c.AutoPrepareMinUsages = 2;
}));

// Curriculum-shaped: ten components, each of topics of 50 consecutive concepts (a course). Most prerequisites are a few
// concepts back in the same topic; one in ten comes from the component's first topic (its foundations, which have no
// outside prerequisites), as a course builds on a foundation course. 4 edges per concept on average.
var random = new Random(42);
var componentSize = Math.Max(100, concepts / 10);
const int topicSize = 50;
var edges = new HashSet<(long, long)>();
while (edges.Count < edgeCount)
{
    var target = random.NextInt64(2, concepts + 1);
    var componentStart = (target - 1) / componentSize * componentSize + 1;
    var topicStart = (target - 1) / topicSize * topicSize + 1;
    long source = random.NextDouble() < 0.1 && topicStart > componentStart
        ? random.NextInt64(componentStart, componentStart + topicSize)
        : target - 1 - Math.Min(target - topicStart - 1, (long)(-Math.Log(1 - random.NextDouble()) * 8));
    if (source >= 1 && source < target) edges.Add((source, target));
}
await using (var connection = await dataSource.OpenConnectionAsync())
{
    await connection.ExecuteAsync("""
        INSERT INTO concepts (id, title, component, milestone, difficulty, estimated_minutes, estimated_time)
        SELECT g, 'Concept ' || g, 'component-' || ((g - 1) / @componentSize), 'Milestone ' || ((g - 1) / @componentSize),
               1 + (g % 40) / 10.0, 15 + (g % 8) * 15, ((15 + (g % 8) * 15)::text || 'm')
        FROM generate_series(1, @concepts) g
        """, new { concepts, componentSize });
    await connection.ExecuteAsync("""
        INSERT INTO concept_edges (source_id, target_id, relationship, weight, origin)
        SELECT s, t, 'prerequisite_for', 1.0, 'trac' FROM unnest(@sources, @targets) AS e(s, t)
        """, new { sources = edges.Select(e => e.Item1).ToArray(), targets = edges.Select(e => e.Item2).ToArray() });
    await connection.ExecuteAsync("ANALYZE concepts; ANALYZE concept_edges");
}

var graph = new PostgresKnowledgeGraph(dataSource);
var store = new ConceptStore(dataSource);
var targets = Enumerable.Range(0, samples).Select(_ => random.NextInt64(concepts / 2, concepts + 1)).ToList();
var centers = Enumerable.Range(0, samples).Select(_ => random.NextInt64(1, concepts + 1)).ToList();

async Task<int> PathAsync(long target)
{
    var closure = (await graph.PrerequisiteClosureAsync(target, CancellationToken.None)).Select(e => (e.SourceId, e.TargetId)).ToList();
    var ids = closure.SelectMany(e => new[] { e.SourceId, e.TargetId }).Append(target).Distinct().ToList();
    var byId = (await store.GetManyAsync(ids, CancellationToken.None)).ToDictionary(c => c.Id);
    return PathPlanner.Plan(target, byId, closure, _ => false, new HashSet<long>(), "prerequisites").Count;
}

async Task<int> NeighbourhoodAsync(long center)
{
    var reached = await graph.NeighbourhoodAsync(center, 3, CancellationToken.None);
    var nodes = await store.GetManyAsync(reached.Keys.ToList(), CancellationToken.None);
    var among = await graph.EdgesAmongAsync(nodes.Select(n => n.Id).ToList(), CancellationToken.None);
    return among.Count >= 0 ? nodes.Count : 0;
}

for (var i = 0; i < 10; i++) { await PathAsync(targets[i]); await NeighbourhoodAsync(centers[i]); }
var closureOnly = new List<double>();
foreach (var t in targets.Take(50))
{
    var sw = Stopwatch.StartNew();
    await graph.PrerequisiteClosureAsync(t, CancellationToken.None);
    closureOnly.Add(sw.Elapsed.TotalMilliseconds);
}
var pathTimes = new List<double>();
var pathSizes = new List<int>();
foreach (var t in targets) { var sw = Stopwatch.StartNew(); pathSizes.Add(await PathAsync(t)); pathTimes.Add(sw.Elapsed.TotalMilliseconds); }
var graphTimes = new List<double>();
var graphSizes = new List<int>();
foreach (var c in centers) { var sw = Stopwatch.StartNew(); graphSizes.Add(await NeighbourhoodAsync(c)); graphTimes.Add(sw.Elapsed.TotalMilliseconds); }

// The same answers in memory: QuikGraph's bidirectional graph, loaded once from the table.
var load = Stopwatch.StartNew();
var memory = new BidirectionalGraph<long, SEquatableEdge<long>>();
await using (var connection = await dataSource.OpenConnectionAsync())
    foreach (var (s, t) in await connection.QueryAsync<(long, long)>("SELECT source_id, target_id FROM concept_edges"))
        memory.AddVerticesAndEdge(new SEquatableEdge<long>(s, t));
var loadMs = load.Elapsed.TotalMilliseconds;

List<long> MemoryPath(long target)
{
    var needed = new HashSet<long> { target };
    var queue = new Queue<long>([target]);
    while (queue.Count > 0)
    {
        var v = queue.Dequeue();
        if (!memory.ContainsVertex(v)) continue;
        foreach (var e in memory.InEdges(v))
            if (needed.Add(e.Source)) queue.Enqueue(e.Source);
    }
    var sub = new AdjacencyGraph<long, SEquatableEdge<long>>();
    sub.AddVertexRange(needed);
    foreach (var v in needed)
        if (memory.ContainsVertex(v))
            sub.AddEdgeRange(memory.OutEdges(v).Where(e => needed.Contains(e.Target)));
    return sub.TopologicalSort().ToList();
}

int MemoryNeighbourhood(long center)
{
    var depth = new Dictionary<long, int> { [center] = 0 };
    var queue = new Queue<long>([center]);
    while (queue.Count > 0)
    {
        var v = queue.Dequeue();
        if (depth[v] == 3 || !memory.ContainsVertex(v)) continue;
        foreach (var n in memory.OutEdges(v).Select(e => e.Target).Concat(memory.InEdges(v).Select(e => e.Source)))
            if (depth.TryAdd(n, depth[v] + 1)) queue.Enqueue(n);
    }
    return depth.Count;
}

var memoryPathTimes = new List<double>();
var mismatches = 0;
for (var i = 0; i < targets.Count; i++)
{
    var sw = Stopwatch.StartNew();
    var order = MemoryPath(targets[i]);
    memoryPathTimes.Add(sw.Elapsed.TotalMilliseconds);
    if (order.Count != pathSizes[i]) mismatches++;
}
var memoryGraphTimes = new List<double>();
for (var i = 0; i < centers.Count; i++)
{
    var sw = Stopwatch.StartNew();
    var size = MemoryNeighbourhood(centers[i]);
    memoryGraphTimes.Add(sw.Elapsed.TotalMilliseconds);
    if (size != graphSizes[i]) mismatches++;
}

string Row(string name, List<double> times, List<int>? sizes) =>
    $"| {name} | {Percentile(times, 0.5):0.00} | {Percentile(times, 0.95):0.00} | {times.Max():0.00} | {(sizes is null ? "" : sizes.Average().ToString("0", CultureInfo.InvariantCulture))} |";
var report = string.Join('\n',
    "# Knowledge graph benchmark (`./bench.sh graph`)",
    "",
    "What `GET /knowledge/path` and `GET /knowledge/graph?depth=3` do behind HTTP (IKnowledgeGraph's recursive CTEs, the",
    "concept rows, the topological order), called in process on a generated curriculum-shaped graph (topics of 50 concepts,",
    "prerequisites mostly a few concepts back in the topic, one in ten from the component's foundation topic), against the",
    "same answers computed in memory with QuikGraph 2.5.0 in the same run. HTTP, authentication and JSON are not included.",
    "Target: p95 within 50 ms. The machine is shared: see its load average below.",
    "",
    $"Graph: {concepts:N0} concepts, {edges.Count:N0} prerequisite edges, {samples} calls each (ms per call).",
    "",
    "| query | p50 | p95 | max | concepts returned (mean) |",
    "|---|---|---|---|---|",
    Row("/knowledge/path work: closure CTE + rows + topological order (PostgreSQL)", pathTimes, pathSizes),
    Row("/knowledge/graph?depth=3 work: neighbourhood CTE + rows + edges (PostgreSQL)", graphTimes, graphSizes),
    Row("of which the closure CTE alone (first 50 targets)", closureOnly, null),
    Row("path in memory (QuikGraph BFS + TopologicalSort)", memoryPathTimes, null),
    Row("depth-3 neighbourhood in memory (QuikGraph)", memoryGraphTimes, null),
    "",
    $"QuikGraph load from the table: {loadMs:0} ms. Answers that differ between PostgreSQL and memory: {mismatches}.",
    $"Machine load average during the run (1/5/15 min): {LoadAverage()}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
Console.WriteLine(report);
var output = Environment.GetEnvironmentVariable("BENCH_GRAPH_REPORT");
if (!string.IsNullOrEmpty(output)) await File.WriteAllTextAsync(output, report + "\n");
return mismatches == 0 ? 0 : 1;
