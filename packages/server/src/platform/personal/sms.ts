import type { FastifyBaseLogger } from 'fastify';

export interface SmsMessage {
  to: string;
  text: string;
}

/** Sends text messages (verification codes). Adapters for SMS providers implement this. */
export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/**
 * The built-in sender: sends nothing and writes the message to the server log, so an install
 * without an SMS provider can still verify mobiles (the administrator reads the code out).
 */
export function logSmsSender(log: Pick<FastifyBaseLogger, 'info'>): SmsSender {
  return {
    async send(message) {
      log.info({ sms: message }, `SMS to ${message.to} (built-in sender, not sent): ${message.text}`);
    },
  };
}
