import http from 'node:http';
import { AddressInfo } from 'node:net';

/** What the loopback TAXII server saw. */
export interface TaxiiLog {
  requests: Array<{ path: string; accept?: string; status: number }>;
}

/**
 * A TAXII 2.1 server on loopback, written to the specification's objects
 * endpoint: `GET {apiRoot}collections/{id}/objects/` with `limit` and
 * `next`, answering the TAXII media type in an envelope with `more` and
 * `next`, 406 to a client that does not accept it, 404 for an unknown
 * collection. `faults` are the statuses of the first answers (429 with a
 * Retry-After of zero seconds, or a 5xx), before it serves normally.
 */
export async function startTaxiiServer(options: {
  apiRoot: string;
  collections: Record<string, object[]>;
  faults?: number[];
  /** A fixed port; any free one by default. */
  port?: number;
}) {
  const log: TaxiiLog = { requests: [] };
  const faults = [...(options.faults ?? [])];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const accept = req.headers.accept;
    const answer = (status: number, body?: object, headers = {}) => {
      log.requests.push({ path: url.pathname, accept, status });
      res.writeHead(status, {
        'Content-Type': 'application/taxii+json;version=2.1',
        ...headers,
      });
      res.end(body ? JSON.stringify(body) : undefined);
    };

    const match = new RegExp(
      `^${options.apiRoot}collections/([^/]+)/objects/$`,
    ).exec(url.pathname);
    if (!match) return answer(404, { title: 'Not found' });
    if (!accept?.includes('application/taxii+json')) {
      return answer(406, { title: 'Not acceptable' });
    }
    const fault = faults.shift();
    if (fault === 429) {
      return answer(
        429,
        { title: 'Too many requests' },
        { 'Retry-After': '0' },
      );
    }
    if (fault) return answer(fault, { title: 'Server error' });

    const objects = options.collections[decodeURIComponent(match[1])];
    if (!objects) return answer(404, { title: 'Unknown collection' });
    const limit = Number(url.searchParams.get('limit') ?? 100);
    const offset = Number(url.searchParams.get('next') ?? 0);
    const page = objects.slice(offset, offset + limit);
    const more = offset + limit < objects.length;
    return answer(200, {
      more,
      ...(more ? { next: String(offset + limit) } : {}),
      objects: page,
    });
  });
  await new Promise<void>(resolve =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    stop: () => new Promise(resolve => server.close(resolve)),
  };
}
