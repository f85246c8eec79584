import pg from 'pg';
import { parseEnvelope, REALTIME_CHANNEL, type RealtimeEnvelope } from './publish';

interface Logger {
  warn(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
const HEALTH_CHECK_MS = 30_000;

/**
 * The one PostgreSQL connection per server process that LISTENs for realtime messages. When the
 * connection drops it reconnects with backoff and calls onReconnected, because NOTIFYs sent while it
 * was away are lost and the sockets need a fresh state.
 */
export class RealtimeListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly handlers: { onMessage(envelope: RealtimeEnvelope): void; onReconnected(): void },
    private readonly log: Logger,
  ) {}

  /** Connects once; a database that cannot be reached at start-up fails the start. */
  async start(): Promise<void> {
    await this.connect();
    this.healthTimer = setInterval(() => void this.checkHealth(), HEALTH_CHECK_MS);
    this.healthTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'yixiao-realtime', keepAlive: true });
    client.on('notification', (n) => {
      if (n.channel !== REALTIME_CHANNEL) return;
      const envelope = parseEnvelope(n.payload);
      if (envelope) this.handlers.onMessage(envelope);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${REALTIME_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.retryMs = FIRST_RETRY_MS;
  }

  /** A silently dead TCP connection only shows when used: a cheap query now and then finds it. */
  private async checkHealth(): Promise<void> {
    const client = this.client;
    if (!client || this.stopped) return;
    await client.query('SELECT 1').catch((error: Error) => this.lost(client, error));
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    client.removeAllListeners('notification');
    void client.end().catch(() => {});
    this.log.warn({ err: error }, 'realtime LISTEN connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => {
          this.log.info({}, 'realtime LISTEN connection restored');
          this.handlers.onReconnected();
        },
        () => this.scheduleReconnect(),
      );
    }, delay);
    this.retryTimer.unref();
  }
}
