/* eslint-disable no-console */
// Benchmark of evidence uploads to S3: a large file sent through the backend
// (multipart POST, streamed into the object store) next to a direct
// lib-storage upload of the same file to the same server, each run twice,
// alternating, the best run of each kept. Run with `yarn bench:evidence`
// from the repository root; AEGIS_BENCH_EVIDENCE_MB sets the file size
// (default 500).
//
// The S3 server (s3rver) runs in a child process so that neither its work
// nor its memory is counted against the backend. The HTTP client and the
// backend share this process, so the resident memory growth printed is an
// upper bound for the backend's own.
import { S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { mockCredentials } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { ChildProcess, fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  mkdtempSync,
  rmSync,
} from 'node:fs';
import { IncomingMessage, request } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { startS3 } from '../src/__testUtils__/s3';
import { startAegisBackend } from '../src/__testUtils__/startAegisBackend';
import { FIXTURE_BUNDLE } from '../src/attack/config';

const MB = 1024 * 1024;
const TARGET_RATIO = 0.8;
const TARGET_GROWTH_MB = 100;
const RUNS = 2;
const SAMPLE_MS = 50;

/** As the backend's S3 store uploads: 8 MiB parts, four in flight. */
const PART_SIZE = 8 * MB;
const QUEUE_SIZE = 4;

const AUTHORIZATION = mockCredentials.user.header('user:default/bench');

type S3Settings = Pick<
  Awaited<ReturnType<typeof startS3>>,
  'client' | 'evidenceConfig'
>;

type Timing = { ms: number; tailMs: number };

/** The child process's part: serve S3 until the parent goes away. */
async function serveS3() {
  const s3 = await startS3();
  process.once('disconnect', () => {
    s3.stop().finally(() => process.exit(0));
  });
  const settings: S3Settings = {
    client: s3.client,
    evidenceConfig: s3.evidenceConfig,
  };
  process.send!({ type: 's3', settings });
}

function startS3Process(): Promise<[ChildProcess, S3Settings]> {
  const child = fork(__filename, ['serve-s3'], {
    execArgv: process.execArgv,
  });
  return new Promise((resolve, reject) => {
    // The TypeScript loader reports each file it compiles on this channel too.
    child.on('message', (message: { type?: string; settings: S3Settings }) => {
      if (message.type === 's3') resolve([child, message.settings]);
    });
    child.once('exit', code =>
      reject(new Error(`The S3 server process exited with code ${code}`)),
    );
  });
}

/** Random content written in 1 MiB chunks; answers its SHA-256. */
async function writeRandomFile(path: string, bytes: number) {
  const hash = createHash('sha256');
  async function* chunks() {
    for (let written = 0; written < bytes; written += MB) {
      const chunk = randomBytes(Math.min(MB, bytes - written));
      hash.update(chunk);
      yield chunk;
    }
  }
  await pipeline(Readable.from(chunks()), createWriteStream(path));
  return hash.digest('hex');
}

async function api(base: string, method: string, path: string, body?: object) {
  const response = await fetch(`${base}/api/aegis${path}`, {
    method,
    headers: {
      authorization: AUTHORIZATION,
      ...(body && { 'content-type': 'application/json' }),
    },
    body: body && JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(
      `${method} ${path}: ${response.status} ${await response.text()}`,
    );
  }
  return response.status === 204 ? undefined : response.json();
}

/** Resident memory sampled on a timer, from a baseline taken at start. */
function sampleMemory() {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, SAMPLE_MS);
  return () => {
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { baseline, peak };
  };
}

/**
 * One upload through the backend into a fresh test, so that the content
 * never exists under its final key beforehand. The tail is the time between
 * the last byte sent and the answer.
 */
async function uploadThroughBackend(
  base: string,
  path: string,
  size: number,
  sha256: string,
) {
  const test = await api(base, 'POST', '/tests', {
    title: 'Evidence upload benchmark',
    techniques: ['T1059'],
    platform: 'Linux',
    severity: 'low',
  });

  const boundary = `aegis-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    [
      `--${boundary}`,
      'Content-Disposition: form-data; name="sha256"',
      '',
      sha256,
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="evidence.bin"',
      'Content-Type: application/octet-stream',
      '',
      '',
    ].join('\r\n'),
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* body() {
    yield head;
    yield* createReadStream(path, { highWaterMark: MB });
    yield tail;
  }

  const start = performance.now();
  const req = request(`${base}/api/aegis/tests/${test.id}/evidence?team=red`, {
    method: 'POST',
    headers: {
      authorization: AUTHORIZATION,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + size + tail.length,
    },
  });
  const answered = once(req, 'response') as Promise<[IncomingMessage]>;
  await pipeline(Readable.from(body()), req);
  const sent = performance.now();
  const [response] = await answered;
  const text = (await response.toArray()).join('');
  const end = performance.now();
  if (response.statusCode !== 201) {
    throw new Error(`Upload answered ${response.statusCode}: ${text}`);
  }

  const evidence = JSON.parse(text);
  if (evidence.sha256 !== sha256 || evidence.size !== size) {
    throw new Error(`Upload stored something else: ${text}`);
  }
  await api(base, 'DELETE', `/evidence/${evidence.id}`);
  return { ms: end - start, tailMs: end - sent };
}

/** The same file straight to the same bucket, as the backend's store would. */
async function uploadDirectly(
  client: S3Client,
  bucket: string,
  path: string,
  run: number,
) {
  const key = `direct/${run}`;
  const upload = new Upload({
    client,
    partSize: PART_SIZE,
    queueSize: QUEUE_SIZE,
    leavePartsOnError: false,
    params: {
      Bucket: bucket,
      Key: key,
      Body: createReadStream(path),
      ContentType: 'application/octet-stream',
    },
  });
  const start = performance.now();
  await upload.done();
  const ms = performance.now() - start;
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
  return ms;
}

function rate(size: number, ms: number) {
  return size / MB / (ms / 1000);
}

function verdict(pass: boolean) {
  return pass ? 'PASS' : 'FAIL';
}

async function main() {
  const sizeMb = Number(process.env.AEGIS_BENCH_EVIDENCE_MB ?? 500);
  if (!Number.isFinite(sizeMb) || sizeMb <= 0) {
    throw new Error('AEGIS_BENCH_EVIDENCE_MB must be a positive number of MB');
  }
  const size = Math.round(sizeMb * MB);

  const [s3Process, s3] = await startS3Process();
  const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-'));
  const path = join(dir, 'evidence.bin');
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: ':memory:',
    useNullAsDefault: true,
  });
  let backend: Awaited<ReturnType<typeof startAegisBackend>> | undefined;
  try {
    const sha256 = await writeRandomFile(path, size);
    console.log(`File: ${sizeMb} MB of random bytes, SHA-256 ${sha256}`);

    backend = await startAegisBackend({
      knex,
      config: {
        aegis: {
          attack: {
            sources: { file: { 'enterprise-attack': FIXTURE_BUNDLE } },
          },
          evidence: {
            ...s3.evidenceConfig,
            maxBytes: Math.max(600 * MB, size),
          },
        },
      },
    });
    const { port } = backend.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    await api(base, 'POST', '/system/sync-mitre');

    const client = new S3Client({
      ...s3.client,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const direct: number[] = [];
    const through: Timing[] = [];
    const memory: Array<{ baseline: number; peak: number }> = [];
    for (let run = 1; run <= RUNS; run++) {
      direct.push(
        await uploadDirectly(client, s3.evidenceConfig.s3.bucket, path, run),
      );
      const stopSampling = sampleMemory();
      through.push(await uploadThroughBackend(base, path, size, sha256));
      memory.push(stopSampling());
      console.log(
        `  run ${run}: direct ${rate(size, direct[run - 1]).toFixed(
          1,
        )} MB/s, backend ${rate(size, through[run - 1].ms).toFixed(1)} MB/s`,
      );
    }
    client.destroy();

    const directMs = Math.min(...direct);
    const best = through.reduce((a, b) => (b.ms < a.ms ? b : a));
    const ratio = directMs / best.ms;
    console.log(`\nThroughput (best of ${RUNS})`);
    console.log(
      `  direct lib-storage  ${rate(size, directMs)
        .toFixed(1)
        .padStart(7)} MB/s  ${(directMs / 1000).toFixed(2)} s`,
    );
    console.log(
      `  through the backend ${rate(size, best.ms)
        .toFixed(1)
        .padStart(7)} MB/s  ${(best.ms / 1000).toFixed(2)} s, of which ${(
        best.tailMs / 1000
      ).toFixed(2)} s after the last byte was sent`,
    );
    console.log(
      `  ratio ${ratio.toFixed(
        2,
      )}x direct (target ≥ ${TARGET_RATIO}x)  ${verdict(
        ratio >= TARGET_RATIO,
      )}`,
    );

    const worst = memory.reduce((a, b) =>
      b.peak - b.baseline > a.peak - a.baseline ? b : a,
    );
    const growthMb = (worst.peak - worst.baseline) / MB;
    console.log(
      `\nResident memory during the backend upload (client and backend, sampled every ${SAMPLE_MS} ms, worst of ${RUNS})`,
    );
    console.log(
      `  baseline ${(worst.baseline / MB).toFixed(0)} MB, peak ${(
        worst.peak / MB
      ).toFixed(0)} MB, growth ${growthMb.toFixed(
        0,
      )} MB (target < ${TARGET_GROWTH_MB} MB)  ${verdict(
        growthMb < TARGET_GROWTH_MB,
      )}`,
    );
  } finally {
    await backend?.stop();
    await knex.destroy();
    if (s3Process.exitCode === null && s3Process.signalCode === null) {
      const exited = once(s3Process, 'exit');
      s3Process.disconnect();
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve-s3') {
  serveS3().catch(error => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
