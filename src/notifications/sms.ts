import type { Logger } from '../logging/logger.js';

/** A text message to a phone: the handover link of the capture flow. */
export interface SmsMessage {
  /** E.164, e.g. +4712345678. */
  to: string;
  /** Up to 15 digits, or 1 to 11 letters and digits (what SMS gateways take as a sender id). */
  sender: string;
  text: string;
}

/**
 * The port an SMS gateway plugs into. No gateway ships with OpenAssure: an operator who wants the SMS
 * handover implements this (Twilio, MessageBird, their operator's SMPP...) and passes it to
 * `createOpenAssure(config, { sms })`. See docs/capture.md.
 *
 * @example
 *   const sms: SmsSender = { send: (m) => gateway.messages.create({ to: m.to, from: m.sender, body: m.text }) };
 */
export interface SmsSender {
  /** Resolves once the gateway took the message; rejects when it refused it. */
  send(message: SmsMessage): Promise<void>;
}

/**
 * The built-in sender: sends nothing, and logs that it did not. It never logs the text (it holds a
 * live link) nor the whole number.
 */
export class LoggingSmsSender implements SmsSender {
  constructor(private readonly logger: Logger) {}

  async send(message: SmsMessage): Promise<void> {
    this.logger.warn(
      { to: `${message.to.slice(0, 4)}…${message.to.slice(-2)}`, sender: message.sender },
      'no SMS gateway is configured: the handover text message was not sent',
    );
  }
}
