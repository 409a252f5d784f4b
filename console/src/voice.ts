// Voice tutor (seed 003 /ws/voice): record a question in the browser (MediaRecorder), stream it over the socket in
// chunks, show what was heard and the tutor's answer, and play the spoken answer (fetched with the bearer token and
// played with Web Audio: the page's policy allows no blob: media).
import { apiFetch, socketUrl } from "./api";
import { fill, h, text } from "./dom";
import type { View } from "./views";

interface Frame { type: string; data: Record<string, unknown> }
interface VisualAid { type: string; content: string; language: string; title: string }

const CHUNK_BYTES = 32 * 1024;

let root: HTMLElement | undefined;
let socket: WebSocket | undefined;
let recorder: MediaRecorder | undefined;
let sending: Promise<void> = Promise.resolve();
let chunkId = 0;
let audio: AudioContext | undefined;
let lastAnswer: AudioBuffer | undefined;

export const voiceView: View = {
  show(container) {
    root = container;
    if (!container.childElementCount) {
      fill(container, h("h2", { tabindex: -1 }, "Voice tutor"),
        h("section", { class: "panel", "aria-labelledby": "voice-ask-title" },
          h("h3", { id: "voice-ask-title" }, "Ask out loud"),
          text("p", "Record a question; the tutor answers in text and speech.", "hint"),
          h("div", { class: "actions" },
            h("button", { type: "button", id: "voice-record", onclick: () => void startRecording() }, "Record"),
            h("button", { type: "button", id: "voice-stop", class: "secondary", disabled: true, onclick: () => stopRecording() }, "Stop and send"),
            h("button", { type: "button", id: "voice-replay", class: "secondary", disabled: true, onclick: () => play() }, "Play answer again")),
          h("p", { id: "voice-status", role: "status" }),
          h("p", { id: "voice-error", class: "error", role: "alert" })),
        h("section", { class: "panel", "aria-labelledby": "voice-answer-title" },
          h("h3", { id: "voice-answer-title" }, "Conversation"),
          h("ol", { id: "voice-log", class: "item-list" })));
    }
    connect();
  },
  reset() {
    stopRecording();
    socket?.close();
    socket = undefined;
    root = undefined;
    lastAnswer = undefined;
  },
};

function status(message: string): void {
  document.getElementById("voice-status")!.textContent = message;
}

function showError(message: string): void {
  document.getElementById("voice-error")!.textContent = message;
}

function button(id: string): HTMLButtonElement {
  return document.getElementById(id) as HTMLButtonElement;
}

function connect(): void {
  if (socket && socket.readyState <= WebSocket.OPEN) return;
  status("Connecting…");
  const ws = new WebSocket(socketUrl("/ws/voice"));
  socket = ws;
  ws.onopen = () => ws.send(JSON.stringify({ action: "connect", data: { session_type: "voice_tutoring", language: "en-US" } }));
  ws.onmessage = (event) => onFrame(JSON.parse(String(event.data)) as Frame);
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = undefined;
    status("");
    if (root) showError(event.reason || "The voice connection closed; open this page again to reconnect.");
  };
}

function onFrame(frame: Frame): void {
  const log = document.getElementById("voice-log");
  if (!log) return;
  switch (frame.type) {
    case "connection_established":
      status("Ready: press Record and ask a question.");
      break;
    case "transcription":
      log.append(h("li", { class: "voice-question" }, text("strong", "You said: "), text("span", String(frame.data.text ?? ""), "voice-heard")));
      status("The tutor is answering…");
      break;
    case "voice_response": {
      const aids = (frame.data.visual_aids as VisualAid[] | undefined) ?? [];
      log.append(h("li", { class: "voice-answer" }, text("strong", "Tutor: "), text("span", String(frame.data.text ?? ""), "voice-answer-text"),
        ...aids.map((aid) => h("figure", {}, text("figcaption", aid.title), h("pre", {}, text("code", aid.content))))));
      void loadAndPlay(String(frame.data.audio_url ?? ""));
      break;
    }
    case "error":
      showError(String(frame.data.message ?? "Something went wrong."));
      status("");
      break;
  }
}

async function startRecording(): Promise<void> {
  showError("");
  connect();
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (error) {
    showError(`The microphone is not available: ${(error as Error).message}`);
    return;
  }
  chunkId = 0;
  sending = Promise.resolve();
  recorder = new MediaRecorder(stream);
  // The recording's pieces concatenate to one file: each is sent as it comes, the last one marked final.
  recorder.ondataavailable = (event) => {
    const data = event.data;
    sending = sending.then(() => sendAudio(data, false));
  };
  recorder.onstop = () => {
    stream.getTracks().forEach((track) => track.stop());
    sending = sending.then(() => sendAudio(new Blob(), true));
    status("Listening to your question…");
  };
  recorder.start(500);
  button("voice-record").disabled = true;
  button("voice-stop").disabled = false;
  status("Recording… press Stop and send when you are done.");
}

function stopRecording(): void {
  if (recorder && recorder.state !== "inactive") recorder.stop();
  recorder = undefined;
  const record = document.getElementById("voice-record") as HTMLButtonElement | null;
  if (record) record.disabled = false;
  const stop = document.getElementById("voice-stop") as HTMLButtonElement | null;
  if (stop) stop.disabled = true;
}

async function sendAudio(blob: Blob, isFinal: boolean): Promise<void> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const pieces: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) pieces.push(bytes.subarray(offset, offset + CHUNK_BYTES));
  if (isFinal && pieces.length === 0) pieces.push(new Uint8Array());
  pieces.forEach((piece, index) => {
    socket?.send(JSON.stringify({ action: "audio_stream",
      data: { audio: base64(piece), chunk_id: ++chunkId, is_final: isFinal && index === pieces.length - 1 } }));
  });
}

function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function loadAndPlay(url: string): Promise<void> {
  try {
    const response = await apiFetch(new URL(url, location.href).pathname);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    audio ??= new AudioContext();
    lastAnswer = await audio.decodeAudioData(await response.arrayBuffer());
    button("voice-replay").disabled = false;
    status(`Answer ready (${lastAnswer.duration.toFixed(1)} s of speech).`);
    play();
  } catch (error) {
    showError(`The spoken answer could not be played: ${(error as Error).message}`);
  }
}

function play(): void {
  if (!audio || !lastAnswer) return;
  const source = audio.createBufferSource();
  source.buffer = lastAnswer;
  source.connect(audio.destination);
  source.start();
}
