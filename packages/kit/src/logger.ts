import { pino, type Logger as PinoLogger, type LoggerOptions } from 'pino';

export type Logger = PinoLogger;

/** Structured JSON logs (pino). `LOG_LEVEL` controls verbosity; secrets are redacted by path. */
export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  return pino({
    name,
    level: process.env.LOG_LEVEL ?? 'info',
    redact: {
      paths: ['req.headers.authorization', '*.password', '*.refreshToken', '*.accessToken', 'password', 'token'],
      censor: '[redacted]',
    },
    ...options,
  });
}
