import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Simulated time for the demo seeder. The workflow, the evidence service and
 * the audit store read the time with `new Date()` and take no clock, and the
 * audit log refuses updates, so the only way to date 18 months of history
 * through the API's own code is to answer their `new Date()` with the time of
 * the story being told. Each test's story runs in its own async context, so
 * concurrent stories keep their own times; `Date.now()` and dates built from
 * a value stay real, which keeps the connection pool's timeouts honest.
 */
export class DemoClock {
  constructor(private time: number) {}

  get now(): number {
    return this.time;
  }

  /** Moves on, never past the real present. */
  advance(ms: number): void {
    this.time = Math.min(this.time + ms, Date.now());
  }
}

const stories = new AsyncLocalStorage<DemoClock>();

/** Runs work whose `new Date()` answers the clock's time. */
export function withDemoClock<T>(clock: DemoClock, work: () => Promise<T>) {
  return stories.run(clock, work);
}

/**
 * Replaces the global Date with one whose argument-less construction reads
 * the clock of the current story; answers the function that restores it.
 */
export function installDemoClock(): () => void {
  const RealDate = globalThis.Date;
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      const clock = args.length === 0 ? stories.getStore() : undefined;
      return Reflect.construct(target, clock ? [clock.now] : args, newTarget);
    },
  });
  return () => {
    globalThis.Date = RealDate;
  };
}
