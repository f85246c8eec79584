import type { RealtimeMessage } from '@yixiao/core';
import { useEffect, useRef, useState } from 'react';
import { notificationsApi } from './api';
import { subscribeConnection, subscribeRealtime } from './realtime';

/** Calls `onMessage` for every message pushed to me while the component is mounted. */
export function useRealtime(onMessage: (message: RealtimeMessage) => void): void {
  const handler = useRef(onMessage);
  handler.current = onMessage;
  useEffect(() => subscribeRealtime((m) => handler.current(m)), []);
}

export function useRealtimeConnected(): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => subscribeConnection(setConnected), []);
  return connected;
}

const POLL_WHEN_OFFLINE_MS = 60_000;

/**
 * My unread count, live: the socket pushes it on connect and on every change. Without a socket
 * (a proxy that blocks WebSockets, a reconnect in progress) it is read from the API once a minute.
 */
export function useUnreadCount(): { unread: number; connected: boolean; setUnread(count: number): void } {
  const [unread, setUnread] = useState(0);
  const connected = useRealtimeConnected();
  useRealtime((m) => {
    if (m.type === 'unread') setUnread(m.count);
  });
  useEffect(() => {
    if (connected) return;
    const load = () => void notificationsApi.unreadCount().then((r) => setUnread(r.unread), () => {});
    load();
    const timer = setInterval(load, POLL_WHEN_OFFLINE_MS);
    return () => clearInterval(timer);
  }, [connected]);
  return { unread, connected, setUnread };
}
