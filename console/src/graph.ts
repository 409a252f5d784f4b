// The knowledge graph (seed 003) drawn as SVG: concepts in columns by prerequisite depth, coloured by the learner's
// status (mastered / completed / in progress / available / locked). Choosing a node (click, or Enter/Space on a focused
// node) asks for the learning path to it and highlights that path.
import { api, call } from "./api";
import { failure, fill, h, svg, text } from "./dom";
import type { View } from "./views";

interface GraphNode { id: string; label: string; status: string; mastery?: number | null; properties: { difficulty: number; estimated_time: string; component?: string | null } }
interface GraphEdge { source: string; target: string; relationship: string }
interface Cluster { id: string; label: string; concepts: string[] }
interface Graph { nodes: GraphNode[]; edges: GraphEdge[]; clusters: Cluster[] }
interface PathStep { step: number; concept_id: number; title: string; status: string; estimated_time: number }

const NODE_W = 150;
const NODE_H = 40;
const COL_GAP = 60;
const ROW_GAP = 16;
const STATUS_LABELS: Record<string, string> = {
  mastered: "Mastered", completed: "Completed", learning: "In progress", practicing: "In progress", available: "Available", locked: "Locked",
};

let root: HTMLElement | undefined;
let graph: Graph | null = null;
let clusterId = "";
let target: string | null = null;

export const graphView: View = {
  async show(container) {
    if (!root) {
      root = container;
      fill(root,
        h("h2", { tabindex: -1 }, "Knowledge graph"),
        h("div", { class: "graph-toolbar" }, h("label", { for: "graph-cluster" }, "Milestone "), h("select", { id: "graph-cluster" }),
          h("ul", { class: "legend", "aria-label": "Legend" }, ...["mastered", "completed", "learning", "available", "locked"].map((status) =>
            h("li", {}, h("span", { class: `swatch status-${status}`, "aria-hidden": "true" }), STATUS_LABELS[status])))),
        h("div", { id: "graph-canvas", class: "graph-canvas" }),
        h("section", { id: "graph-path", class: "panel", "aria-live": "polite" }, text("p", "Choose a concept to see the path to it.", "hint")));
      document.getElementById("graph-cluster")!.addEventListener("change", (event) => {
        clusterId = (event.target as HTMLSelectElement).value;
        draw();
      });
    }
    await load();
  },
  reset() {
    root = undefined;
    graph = null;
    target = null;
    clusterId = "";
  },
};

async function load(): Promise<void> {
  const canvas = document.getElementById("graph-canvas");
  if (!canvas) return;
  try {
    graph = await call(api.GET("/api/learntrac/v1/knowledge/graph", { params: { query: { include_mastery: true } } }));
  } catch (error) {
    canvas.replaceChildren(failure((error as Error).message, () => void load()));
    return;
  }
  const select = document.getElementById("graph-cluster") as HTMLSelectElement;
  if (!clusterId) clusterId = graph.clusters.find((c) => c.concepts.includes("concept-1"))?.id ?? graph.clusters[0]?.id ?? "all";
  select.replaceChildren(...graph.clusters.map((c) => h("option", { value: c.id, selected: c.id === clusterId }, c.label)),
    h("option", { value: "all", selected: clusterId === "all" }, "All milestones"));
  draw();
  if (target) await showPath(target);
}

function visibleNodes(): GraphNode[] {
  if (!graph) return [];
  const cluster = graph.clusters.find((c) => c.id === clusterId);
  if (!cluster) return graph.nodes;
  const members = new Set(cluster.concepts);
  return graph.nodes.filter((n) => members.has(n.id));
}

/** Column of each node: the longest prerequisite chain leading to it among the shown nodes. */
function levels(nodes: GraphNode[], edges: GraphEdge[]): Map<string, number> {
  const level = new Map(nodes.map((n) => [n.id, 0]));
  for (let round = 0; round < nodes.length; round++) {
    let changed = false;
    for (const edge of edges) {
      const next = (level.get(edge.source) ?? 0) + 1;
      if (next > (level.get(edge.target) ?? 0)) {
        level.set(edge.target, next);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return level;
}

function draw(): void {
  const canvas = document.getElementById("graph-canvas");
  if (!canvas || !graph) return;
  const nodes = visibleNodes();
  const ids = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => e.relationship === "prerequisite_for" && ids.has(e.source) && ids.has(e.target));
  const level = levels(nodes, edges);
  const columns = new Map<number, GraphNode[]>();
  for (const node of nodes) {
    const column = level.get(node.id) ?? 0;
    columns.set(column, [...(columns.get(column) ?? []), node]);
  }
  const position = new Map<string, { x: number; y: number }>();
  let rows = 0;
  for (const [column, members] of columns) {
    members.forEach((node, row) => position.set(node.id, { x: 10 + column * (NODE_W + COL_GAP), y: 10 + row * (NODE_H + ROW_GAP) }));
    rows = Math.max(rows, members.length);
  }
  const width = 20 + columns.size * (NODE_W + COL_GAP) - COL_GAP;
  const height = 20 + rows * (NODE_H + ROW_GAP) - ROW_GAP;

  const picture = svg("svg", {
    id: "graph-svg", width, height, viewBox: `0 0 ${width} ${height}`, role: "group",
    "aria-label": `Knowledge graph: ${nodes.length} concepts, ${edges.length} prerequisite links`,
  });
  picture.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
    svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: "arrow-head" }))));
  const edgeLayer = svg("g", { class: "edges", "aria-hidden": "true" });
  for (const edge of edges) {
    const from = position.get(edge.source)!;
    const to = position.get(edge.target)!;
    const x1 = from.x + NODE_W, y1 = from.y + NODE_H / 2, x2 = to.x, y2 = to.y + NODE_H / 2;
    edgeLayer.append(svg("path", {
      d: `M ${x1} ${y1} C ${x1 + COL_GAP / 2} ${y1}, ${x2 - COL_GAP / 2} ${y2}, ${x2} ${y2}`,
      class: "edge", "data-source": edge.source, "data-target": edge.target, "marker-end": "url(#arrow)",
    }));
  }
  picture.append(edgeLayer);
  const nodeLayer = svg("g", { class: "nodes" });
  for (const node of nodes) {
    const at = position.get(node.id)!;
    const status = node.status === "practicing" ? "learning" : node.status;
    const label = node.label.length > 21 ? `${node.label.slice(0, 20)}…` : node.label;
    const group = svg("g", {
      class: `node status-${status}`, "data-node-id": node.id, "data-status": node.status, transform: `translate(${at.x} ${at.y})`,
      tabindex: 0, role: "button", "aria-label": `${node.label}: ${STATUS_LABELS[node.status] ?? node.status}`,
      "aria-pressed": String(node.id === target),
    }, svg("title", {}, `${node.label} (${STATUS_LABELS[node.status] ?? node.status})`),
      svg("rect", { width: NODE_W, height: NODE_H, rx: 8 }),
      svg("text", { x: NODE_W / 2, y: NODE_H / 2 + 4, "text-anchor": "middle" }, label));
    group.addEventListener("click", () => void choose(node.id));
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        void choose(node.id);
      }
    });
    nodeLayer.append(group);
  }
  picture.append(nodeLayer);
  canvas.replaceChildren(picture);
}

async function choose(nodeId: string): Promise<void> {
  target = nodeId;
  document.querySelectorAll("#graph-svg .node").forEach((node) => node.setAttribute("aria-pressed", String(node.getAttribute("data-node-id") === nodeId)));
  await showPath(nodeId);
}

async function showPath(nodeId: string): Promise<void> {
  const panel = document.getElementById("graph-path")!;
  const conceptId = Number(nodeId.replace("concept-", ""));
  let steps: PathStep[];
  try {
    steps = (await call(api.GET("/api/learntrac/v1/knowledge/path", { params: { query: { to: conceptId } } }))).path;
  } catch (error) {
    panel.replaceChildren(failure((error as Error).message, () => void showPath(nodeId)));
    return;
  }
  const onPath = new Set(steps.map((s) => `concept-${s.concept_id}`));
  onPath.add(nodeId);
  document.querySelectorAll("#graph-svg .node").forEach((node) => node.classList.toggle("on-path", onPath.has(node.getAttribute("data-node-id")!)));
  document.querySelectorAll("#graph-svg .edge").forEach((edge) =>
    edge.classList.toggle("on-path", onPath.has(edge.getAttribute("data-source")!) && onPath.has(edge.getAttribute("data-target")!)));
  const name = graph?.nodes.find((n) => n.id === nodeId)?.label ?? nodeId;
  const minutes = steps.reduce((sum, s) => sum + s.estimated_time, 0);
  fill(panel,
    h("h3", { id: "graph-path-title" }, `Path to ${name}`),
    text("p", steps.length ? `${steps.length} steps · about ${Math.round(minutes / 6) / 10} h` : "Nothing left to learn before it.", "hint"),
    h("ol", { id: "graph-path-steps" }, ...steps.map((s) => h("li", {}, `${s.title} `, text("span", STATUS_LABELS[s.status] ?? s.status, `badge badge-${s.status}`)))),
    h("a", { href: `#/concepts/${conceptId}` }, `Open ${name} in Concepts`));
}
