// The load generator of the API benchmark: autocannon in its own process, so
// that sending requests does not steal the backend's event loop. Latencies
// are kept per request, as autocannon's own summary has no p95.
import autocannon from 'autocannon';

/** One load run, as the benchmark asks for it. */
export interface LoadRequest {
  type: 'load';
  url: string;
  authorization: string;
  /** Headers besides the authorization, such as Cache-Control. */
  headers?: Record<string, string>;
  connections: number;
  durationSeconds: number;
}

/** What a run answers: latency percentiles of the 2xx answers, in ms. */
export interface LoadResult {
  type: 'result';
  requests: number;
  errors: number;
  non2xx: number;
  /** Null when no request answered 2xx. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

export async function runLoad(request: LoadRequest): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: request.url,
        connections: request.connections,
        duration: request.durationSeconds,
        headers: { ...request.headers, authorization: request.authorization },
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) {
        times.push(responseTime);
      } else {
        non2xx += 1;
      }
    });
  });
  times.sort((a, b) => a - b);
  return {
    type: 'result',
    requests: times.length + non2xx,
    errors: result.errors,
    non2xx,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

/** The child process's part: run each load the parent asks for. */
export function serveLoads() {
  process.on('message', (message: LoadRequest) => {
    if (message?.type !== 'load') return;
    runLoad(message).then(
      result => process.send!(result),
      error => process.send!({ type: 'error', message: String(error) }),
    );
  });
  process.once('disconnect', () => process.exit(0));
  process.send!({ type: 'ready' });
}
