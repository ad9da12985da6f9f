/* eslint-disable no-console */
// Serves an ATT&CK STIX bundle from a TAXII 2.1 server on loopback, as MITRE's
// server publishes it, so that a portal's TAXII sync can be tried offline:
//
//   node --require @backstage/cli-node/config/nodeTransform.cjs \
//     plugins/aegis-backend/dev/serveTaxii.ts <bundle.json[.gz]> [port]
//
// and point `aegis.attack.sources.taxii.url` at the address it prints. The
// bundle's domain decides the collection. It prints one line, the URL, once
// it listens, and serves until stopped.
import { startTaxiiServer } from '../src/__testUtils__/taxiiServer';
import { MITRE_COLLECTIONS } from '../src/attack/sources/TaxiiBundleSource';
import { readBundleFile } from '../src/attack/stix/readBundleFile';
import { ATTACK_DOMAINS, AttackDomain } from '../src/attack/stix/model';

async function main() {
  const [path, port] = process.argv.slice(2);
  if (!path) {
    throw new Error('Usage: serveTaxii.ts <bundle.json[.gz]> [port]');
  }
  const bundle = (await readBundleFile(path)) as { objects: object[] };
  const domain =
    ATTACK_DOMAINS.find(name => path.includes(name)) ??
    ('enterprise-attack' as AttackDomain);

  const server = await startTaxiiServer({
    apiRoot: '/api/v21/',
    collections: { [MITRE_COLLECTIONS[domain]]: bundle.objects },
    port: port ? Number(port) : undefined,
  });
  console.log(server.url);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
