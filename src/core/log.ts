/**
 * The provider's log sink. In the dynamic-provider host it writes to stderr, which the engine shows; tests replace it
 * with setLogger to capture every line (the secret-leak tests read them all).
 */

/** Logger receives the provider's diagnostic lines. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

const stderrLogger: Logger = {
  debug: (m) => {
    if (process.env.PULUMI_LB_LISTENERS_DEBUG) process.stderr.write(`debug: ${m}\n`);
  },
  info: (m) => process.stderr.write(`info: ${m}\n`),
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
};

let current: Logger = stderrLogger;

/** log is the current logger; always call through it so setLogger takes effect. */
export const log: Logger = {
  debug: (m) => current.debug(m),
  info: (m) => current.info(m),
  warn: (m) => current.warn(m),
};

/** setLogger installs a logger and returns the previous one. */
export function setLogger(logger: Logger): Logger {
  const previous = current;
  current = logger;
  return previous;
}
