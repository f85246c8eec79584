import type { RealtimeMessage } from '@yixiao/core';

/**
 * The browser's one WebSocket to /api/v1/realtime, shared by every component that listens. It opens
 * with the first listener, closes with the last, and reconnects with capped, jittered backoff; each
 * (re)connect starts with the server's unread count, so nothing missed while away stays wrong.
 */
type Listener = (message: RealtimeMessage) => void;
type StatusListener = (connected: boolean) => void;

const listeners = new Set<Listener>();
const statusListeners = new Set<StatusListener>();
let socket: WebSocket | null = null;
let connected = false;
let attempt = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;

const MAX_DELAY_MS = 30_000;

function setConnected(value: boolean) {
  if (connected === value) return;
  connected = value;
  for (const listener of statusListeners) listener(value);
}

function connect() {
  retryTimer = null;
  const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${protocol}//${window.location.host}/api/v1/realtime`);
  socket = ws;
  ws.onopen = () => {
    attempt = 0;
    setConnected(true);
  };
  ws.onmessage = (event) => {
    let message: RealtimeMessage;
    try {
      message = JSON.parse(String(event.data)) as RealtimeMessage;
    } catch {
      return;
    }
    for (const listener of listeners) listener(message);
  };
  ws.onclose = () => {
    if (socket !== ws) return;
    socket = null;
    setConnected(false);
    if (listeners.size > 0) scheduleReconnect();
  };
}

function scheduleReconnect() {
  if (retryTimer) return;
  const base = Math.min(MAX_DELAY_MS, 1000 * 2 ** attempt);
  attempt += 1;
  retryTimer = setTimeout(connect, base / 2 + Math.random() * (base / 2));
}

/** Back online or back to the tab: try at once instead of waiting out the backoff. */
function reconnectNow() {
  if (socket || listeners.size === 0) return;
  if (retryTimer) clearTimeout(retryTimer);
  attempt = 0;
  connect();
}
window.addEventListener('online', reconnectNow);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') reconnectNow();
});

export function subscribeRealtime(listener: Listener): () => void {
  listeners.add(listener);
  if (!socket && !retryTimer) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const ws = socket;
    socket = null;
    setConnected(false);
    ws?.close();
  };
}

export function subscribeConnection(listener: StatusListener): () => void {
  statusListeners.add(listener);
  listener(connected);
  return () => statusListeners.delete(listener);
}
