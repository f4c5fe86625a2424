import pino, { Logger } from 'pino';

/** JSON logs (one line per event) named after the service; LOG_LEVEL sets the level. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info')): Logger {
  return pino({ name: service, level, base: { service }, redact: ['req.headers.authorization'] });
}
export type { Logger };
