// The views other than learning paths, by the name in the URL's hash.
import { conceptsView } from "./concepts";
import { graphView } from "./graph";
import { instructorView } from "./instructor";
import { progressView } from "./progress";
import { scheduleView } from "./schedule";
import { tracksView } from "./tracks";
import { voiceView } from "./voice";

export interface View {
  /** Renders into its container (first time) or refreshes it (later times). */
  show(container: HTMLElement): Promise<void> | void;
  /** Forgets the signed-out user's state. */
  reset?(): void;
}

export const views: Record<string, View> = {
  tracks: tracksView,
  concepts: conceptsView,
  graph: graphView,
  progress: progressView,
  schedule: scheduleView,
  instructor: instructorView,
  voice: voiceView,
};
