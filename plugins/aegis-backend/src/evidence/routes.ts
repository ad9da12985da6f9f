import {
  aegisEvidenceBlueUploadPermission,
  aegisEvidenceDownloadPermission,
  aegisEvidenceReadPermission,
  aegisEvidenceRedUploadPermission,
  EvidenceTeam,
  TestEvidence,
} from '@aegis-security/plugin-aegis-common';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  PolicyDecision,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { parseRequest } from '../lib/validation';
import { RouteContext } from '../service/types';
import { StoredTest } from '../tests/TestRepository';
import { callerOf, visibleTest } from '../tests/visibility';
import { PayloadTooLargeError } from '../lib/errors';
import { OPEN_PHASES, StoredEvidence } from './EvidenceService';
import { attachmentDisposition } from './filenames';
import { readUpload } from './multipart';
import { EvidenceFacts, evidenceResourceRef } from './permissionRules';

const UPLOAD_PERMISSIONS: Record<EvidenceTeam, BasicPermission> = {
  red: aegisEvidenceRedUploadPermission,
  blue: aegisEvidenceBlueUploadPermission,
};

/** Room for the multipart framing around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const testParam = z.strictObject({ id: z.uuid('not a test id') });
const evidenceParam = z.strictObject({ id: z.uuid('not an evidence id') });
const uploadQuery = z.strictObject({ team: z.enum(['red', 'blue']) });

/**
 * Routes of evidence files. Uploads stream through the backend into the
 * object store; downloads stream back, checked against their hash, always
 * as attachments.
 */
export function registerEvidenceRoutes(context: RouteContext): void {
  const { router, httpAuth, permissions, evidenceService } = context;
  let authorizer: ReturnType<typeof createConditionAuthorizer<EvidenceFacts>>;

  /** The caller's evidence decisions, conditional ones applied per file. */
  async function evidenceDecisions(credentials: BackstageCredentials) {
    const resourcePermissions: ResourcePermission[] = [
      aegisEvidenceReadPermission,
      aegisEvidenceDownloadPermission,
    ];
    const [read, download] = await permissions.authorizeConditional(
      resourcePermissions.map(permission => ({ permission })),
      { credentials },
    );
    const [red, blue] = await permissions.authorize(
      [
        { permission: UPLOAD_PERMISSIONS.red },
        { permission: UPLOAD_PERMISSIONS.blue },
      ],
      { credentials },
    );
    // The ruleset is complete once every plugin has started.
    authorizer ??= createConditionAuthorizer(
      context.permissionsRegistry.getPermissionRuleset(evidenceResourceRef),
    );
    const allows = (decision: PolicyDecision, facts: EvidenceFacts) =>
      authorizer(decision, facts);
    return {
      read: (facts: EvidenceFacts) => allows(read, facts),
      download: (facts: EvidenceFacts) => allows(download, facts),
      deniesRead: read.result === AuthorizeResult.DENY,
      upload: {
        red: red.result === AuthorizeResult.ALLOW,
        blue: blue.result === AuthorizeResult.ALLOW,
      },
    };
  }

  /** A file and its test, if the caller may see both. */
  async function visibleEvidence(
    req: Request,
    credentials: BackstageCredentials,
  ) {
    const { id } = parseRequest(evidenceParam, req.params, 'path');
    const evidence = await evidenceService.get(id);
    if (!evidence) {
      throw new NotFoundError(`No evidence ${id}`);
    }
    const { test } = await visibleTest(context, evidence.testId, credentials);
    const decisions = await evidenceDecisions(credentials);
    if (decisions.deniesRead) {
      throw new NotAllowedError(
        `Missing permission ${aegisEvidenceReadPermission.name} for this action`,
      );
    }
    if (!decisions.read(factsOf(evidence, test))) {
      throw new NotFoundError(`No evidence ${id}`);
    }
    return { evidence, test, decisions };
  }

  router.get('/tests/:id/evidence', async (req, res) => {
    const { id } = parseRequest(testParam, req.params, 'path');
    const credentials = await httpAuth.credentials(req);
    const { test } = await visibleTest(context, id, credentials);
    const decisions = await evidenceDecisions(credentials);
    if (decisions.deniesRead) {
      throw new NotAllowedError(
        `Missing permission ${aegisEvidenceReadPermission.name} for this action`,
      );
    }
    const files = (await evidenceService.list(test.id)).filter(evidence =>
      decisions.read(factsOf(evidence, test)),
    );
    const answer: TestEvidence = {
      red: files.filter(file => file.team === 'red').map(publicView),
      blue: files.filter(file => file.team === 'blue').map(publicView),
      canUpload: {
        red: decisions.upload.red && OPEN_PHASES.red.includes(test.state),
        blue: decisions.upload.blue && OPEN_PHASES.blue.includes(test.state),
      },
      canDownload: decisions.download(testLevelFacts(test)),
    };
    res.json(answer);
  });

  router.post('/tests/:id/evidence', async (req, res) => {
    // Everything is decided before a byte of the body is read.
    const { id } = parseRequest(testParam, req.params, 'path');
    const { team } = parseRequest(uploadQuery, req.query, 'query');
    const credentials = await httpAuth.credentials(req);
    const { test } = await visibleTest(context, id, credentials);
    const [decision] = await permissions.authorize(
      [{ permission: UPLOAD_PERMISSIONS[team] }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Missing permission ${UPLOAD_PERMISSIONS[team].name} for this action`,
      );
    }
    if (!OPEN_PHASES[team].includes(test.state)) {
      throw new ConflictError(
        `Test ${test.id} is ${
          test.state
        }: ${team} evidence is accepted only while ${OPEN_PHASES[team].join(
          ' or ',
        )}`,
      );
    }
    const declared = Number(req.get('content-length'));
    if (declared > evidenceService.maxBytes + MULTIPART_OVERHEAD) {
      res.setHeader('Connection', 'close');
      throw tooLarge(evidenceService.maxBytes);
    }

    const caller = await callerOf(context, req, credentials);
    try {
      const file = await readUpload(req);
      const evidence = await evidenceService.upload(test, team, file, caller);
      res.status(201).json(publicView(evidence));
    } catch (error) {
      // Whatever the client still sends is read and dropped, so that it
      // receives the answer instead of a broken connection.
      req.unpipe();
      req.resume();
      throw error;
    }
  });

  router.get('/evidence/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { evidence } = await visibleEvidence(req, credentials);
    res.json(publicView(evidence));
  });

  router.get('/evidence/:id/content', async (req, res) => {
    // Browser links authenticate with the user cookie (limited access).
    const credentials = await httpAuth.credentials(req, {
      allowLimitedAccess: true,
    });
    const { evidence, test, decisions } = await visibleEvidence(
      req,
      credentials,
    );
    requireDownload(decisions, evidence, test);
    const content = await evidenceService.open(evidence);
    await evidenceService.recordDownload(
      evidence,
      await callerOf(context, req, credentials),
    );
    sendAttachment(res, evidence);
    try {
      await pipeline(content, res);
    } catch (error) {
      // The headers are gone: cutting the connection short of the announced
      // length is how the client learns that the download failed.
      res.destroy(error as Error);
    }
  });

  router.get('/evidence/:id/download-url', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { evidence, test, decisions } = await visibleEvidence(
      req,
      credentials,
    );
    requireDownload(decisions, evidence, test);
    const presigned = await evidenceService.presignedUrl(evidence);
    await evidenceService.recordDownload(
      evidence,
      await callerOf(context, req, credentials),
      'presigned',
    );
    res.json(presigned);
  });

  router.post('/evidence/:id/verify', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { evidence } = await visibleEvidence(req, credentials);
    res.json(
      await evidenceService.verify(
        evidence,
        await callerOf(context, req, credentials),
      ),
    );
  });

  router.delete('/evidence/:id', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const { evidence, test, decisions } = await visibleEvidence(
      req,
      credentials,
    );
    const caller = await callerOf(context, req, credentials, true);
    const mayRemove =
      decisions.upload[evidence.team] &&
      (evidence.uploadedBy === caller.ref || caller.roles.includes('admin'));
    if (!mayRemove) {
      throw new NotAllowedError(
        `Only the uploader of evidence ${evidence.id} or an admin may delete it`,
      );
    }
    await evidenceService.remove(evidence, test, caller);
    res.status(204).end();
  });
}

function requireDownload(
  decisions: { download: (facts: EvidenceFacts) => boolean },
  evidence: StoredEvidence,
  test: StoredTest,
) {
  if (!decisions.download(factsOf(evidence, test))) {
    throw new NotAllowedError(
      `Missing permission ${aegisEvidenceDownloadPermission.name} for this action`,
    );
  }
}

function sendAttachment(res: Response, evidence: StoredEvidence) {
  res.status(200);
  res.setHeader('Content-Type', 'application/octet-stream');
  res.setHeader('Content-Length', String(evidence.size));
  res.setHeader(
    'Content-Disposition',
    attachmentDisposition(evidence.filename),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
  res.setHeader(
    'Repr-Digest',
    `sha-256=:${Buffer.from(evidence.sha256, 'hex').toString('base64')}:`,
  );
}

function factsOf(evidence: StoredEvidence, test: StoredTest): EvidenceFacts {
  return {
    id: evidence.id,
    testId: test.id,
    team: evidence.team,
    uploadedBy: evidence.uploadedBy,
    testBlind: test.facts.blind,
    testRevealed: test.facts.revealed,
  };
}

/** Facts for a decision about the test's evidence as a whole. */
function testLevelFacts(test: StoredTest): EvidenceFacts {
  return {
    id: '',
    testId: test.id,
    team: 'red',
    uploadedBy: '',
    testBlind: test.facts.blind,
    testRevealed: test.facts.revealed,
  };
}

function publicView(evidence: StoredEvidence) {
  const { objectKey, ...rest } = evidence;
  return rest;
}

function tooLarge(maxBytes: number) {
  return new PayloadTooLargeError(
    `The upload is larger than the limit of ${maxBytes} bytes (aegis.evidence.maxBytes); nothing was stored`,
  );
}
