// The views other than learning paths, by the name in the URL's hash.
export interface View {
  /** Renders into its container (first time) or refreshes it (later times). */
  show(container: HTMLElement): Promise<void> | void;
  /** Forgets the signed-out user's state. */
  reset?(): void;
}

const placeholder = (title: string): View => ({
  show(container) {
    if (container.childElementCount) return;
    const heading = document.createElement("h2");
    heading.textContent = title;
    heading.tabIndex = -1;
    container.append(heading);
  },
});

export const views: Record<string, View> = {
  tracks: placeholder("Tracks"),
  concepts: placeholder("Concepts"),
  graph: placeholder("Knowledge graph"),
  progress: placeholder("Progress"),
  schedule: placeholder("Schedule"),
  instructor: placeholder("Instructor"),
};
