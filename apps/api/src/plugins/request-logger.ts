// The logger of each request, made only when something is logged. Fastify gives every request a
// pino child logger (with its request id, through the redaction rules): a few microseconds and a
// few objects per request, for a logger that a request at the usual levels (warn, error) almost
// never uses. This child stands in for it and makes the real one on the first message at a level
// the parent logs; messages below that level cost one check. With a route's own log level the
// real child is made at once.
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
type Parent = FastifyBaseLogger & { isLevelEnabled?: (level: string) => boolean };
type ChildArgs = Parameters<FastifyBaseLogger['child']>;

class LazyChildLogger {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: Parent & { isLevelEnabled: (level: string) => boolean },
    private readonly childBindings: ChildArgs[0],
    private readonly childOptions: ChildArgs[1],
  ) {}

  private get real(): FastifyBaseLogger {
    this.made ??= this.parent.child(this.childBindings, this.childOptions);
    return this.made;
  }

  private log(level: Level, args: unknown[]): void {
    if (this.made === undefined && !this.parent.isLevelEnabled(level)) return;
    (this.real[level] as (...a: unknown[]) => void).apply(this.real, args);
  }

  get level(): string {
    return this.made?.level ?? this.parent.level;
  }
  set level(level: string) {
    this.real.level = level;
  }
  trace(...args: unknown[]) {
    this.log('trace', args);
  }
  debug(...args: unknown[]) {
    this.log('debug', args);
  }
  info(...args: unknown[]) {
    this.log('info', args);
  }
  warn(...args: unknown[]) {
    this.log('warn', args);
  }
  error(...args: unknown[]) {
    this.log('error', args);
  }
  fatal(...args: unknown[]) {
    this.log('fatal', args);
  }
  silent() {}
  child(...args: ChildArgs): FastifyBaseLogger {
    return this.real.child(...args);
  }
}

type ChildLoggerFactory = NonNullable<FastifyServerOptions['childLoggerFactory']>;

export const lazyChildLogger: ChildLoggerFactory = (logger, bindings, options) => {
  const parent = logger as Parent;
  if (options.level || typeof parent.isLevelEnabled !== 'function') return logger.child(bindings, options);
  return new LazyChildLogger(
    parent as Parent & { isLevelEnabled: (level: string) => boolean },
    bindings,
    options,
  ) as unknown as FastifyBaseLogger;
};
