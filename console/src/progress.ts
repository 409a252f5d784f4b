// Progress (seed 003): the overview, milestones, and a chart over time from /progress/history.
import { api, call } from "./api";
import { failure, fill, h, svg, text } from "./dom";
import type { View } from "./views";

interface Bucket { date: string; concepts_started: number; concepts_completed: number; concepts_mastered: number; time_spent: number; exercises_completed: number }

let root: HTMLElement | undefined;

export const progressView: View = {
  async show(container) {
    root = container;
    if (!container.childElementCount) {
      fill(container, h("h2", { tabindex: -1 }, "Progress"), h("div", { id: "progress-overview" }), h("section", { class: "panel", "aria-labelledby": "progress-chart-title" },
        h("h3", { id: "progress-chart-title" }, "Last 14 days"), h("div", { id: "progress-chart", class: "chart" })),
        h("section", { class: "panel", "aria-labelledby": "milestones-title" }, h("h3", { id: "milestones-title" }, "Milestones"), h("ul", { id: "progress-milestones", class: "item-list" })));
    }
    await load();
  },
  reset() {
    root = undefined;
  },
};

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

async function load(): Promise<void> {
  if (!root) return;
  const overview = document.getElementById("progress-overview")!;
  const end = new Date();
  const start = new Date(end.getTime() - 13 * 86_400_000);
  try {
    const [report, history] = await Promise.all([
      call(api.GET("/api/learntrac/v1/progress")),
      call(api.GET("/api/learntrac/v1/progress/history", { params: { query: { start_date: isoDay(start), end_date: isoDay(end), granularity: "day" } } })),
    ]);
    const o = report.overall_progress;
    fill(overview, h("dl", { class: "stats" },
      stat("Completed", `${o.completed_concepts} of ${o.total_concepts}`), stat("Mastered", String(o.mastered_concepts)),
      stat("In progress", String(o.in_progress_concepts)), stat("Completion", `${Math.round(o.completion_percentage)}%`),
      stat("Time spent", `${history.totals.total_time_spent} min`)));
    drawChart(history.history);
    document.getElementById("progress-milestones")!.replaceChildren(...report.milestones.map((m) => h("li", {},
      text("strong", m.name), h("progress", { max: 100, value: Math.round(m.progress_percentage), "aria-label": `${m.name} progress` }),
      text("span", `${m.completed} of ${m.total_concepts}`, "hint"))));
  } catch (error) {
    overview.replaceChildren(failure((error as Error).message, () => void load()));
  }
}

function stat(label: string, value: string): HTMLElement {
  return h("div", {}, h("dt", {}, label), h("dd", {}, value));
}

/** Bars: concepts completed per day (mastered darker), with a table for screen readers. */
function drawChart(buckets: Bucket[]): void {
  const chart = document.getElementById("progress-chart")!;
  const width = 560, height = 180, pad = 28;
  const max = Math.max(1, ...buckets.map((b) => b.concepts_completed + b.concepts_started));
  const step = buckets.length ? (width - pad) / buckets.length : 0;
  const picture = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "bar-chart", role: "img", "aria-labelledby": "progress-chart-title" });
  picture.append(svg("line", { x1: pad, y1: height - pad, x2: width, y2: height - pad, class: "axis" }));
  picture.append(svg("text", { x: 2, y: 12, class: "axis-label" }, String(max)));
  buckets.forEach((bucket, index) => {
    const x = pad + index * step + 2;
    const scale = (height - 2 * pad) / max;
    const completed = bucket.concepts_completed * scale;
    const started = bucket.concepts_started * scale;
    picture.append(svg("rect", { x, y: height - pad - completed - started, width: Math.max(2, step - 4), height: started, class: "bar bar-started" },
      svg("title", {}, `${bucket.date}: ${bucket.concepts_started} started`)));
    picture.append(svg("rect", { x, y: height - pad - completed, width: Math.max(2, step - 4), height: completed, class: "bar bar-completed", "data-date": bucket.date },
      svg("title", {}, `${bucket.date}: ${bucket.concepts_completed} completed`)));
    if (index % 2 === 0) picture.append(svg("text", { x, y: height - 8, class: "axis-label" }, bucket.date.slice(5)));
  });
  const table = h("table", { class: "visually-hidden" }, h("caption", {}, "Concepts per day"),
    h("tr", {}, h("th", {}, "Day"), h("th", {}, "Started"), h("th", {}, "Completed"), h("th", {}, "Minutes")),
    ...buckets.map((b) => h("tr", {}, h("td", {}, b.date), h("td", {}, b.concepts_started), h("td", {}, b.concepts_completed), h("td", {}, b.time_spent))));
  fill(chart, picture, h("ul", { class: "legend" }, h("li", {}, h("span", { class: "swatch bar-completed" }), "Completed"),
    h("li", {}, h("span", { class: "swatch bar-started" }), "Started")), table);
}
