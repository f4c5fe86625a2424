import pino, { type Logger as PinoLogger } from 'pino';
import { Logger as HiveLogger, type LogLevel as HiveLogLevel, type LogWriter } from '@graphql-hive/gateway-runtime';

/** The gateway's own logger when the caller gives none: JSON lines on stdout, LOG_LEVEL aware. */
export function createDefaultLogger(): PinoLogger {
  return pino({ name: 'gateway', level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info') });
}

/** pino levels the Hive logger does not have collapse to the nearest one it does. */
function hiveLevelOf(pinoLevel: string): HiveLogLevel | false {
  switch (pinoLevel) {
    case 'silent':
      return false;
    case 'fatal':
      return 'error';
    case 'trace':
    case 'debug':
    case 'info':
    case 'warn':
    case 'error':
      return pinoLevel;
    default:
      return 'info';
  }
}

/**
 * Routes the Hive Gateway runtime's logs into our pino logger, so there is one structured
 * stream (with the runtime's requestId attribute) instead of two formats on stdout. A tiny
 * writer instead of @graphql-hive/logger/writers/pino keeps us off a transitive subpath.
 */
export function hiveLoggerFromPino(logger: PinoLogger): HiveLogger {
  const target = logger.child({ component: 'hive-gateway' });
  const writer: LogWriter = {
    write(level, attrs, msg) {
      const obj = attrs == null ? {} : Array.isArray(attrs) ? { attrs } : attrs;
      target[level](obj, msg ?? undefined);
    },
  };
  // Read lazily so changing logger.level at run time also changes what the runtime emits.
  return new HiveLogger({ level: () => hiveLevelOf(target.level), writers: [writer] });
}
