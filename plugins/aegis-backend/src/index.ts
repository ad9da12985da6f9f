/**
 * The Aegis backend plugin: MITRE ATT&CK coverage tracking for Backstage.
 *
 * @packageDocumentation
 */

export { aegisPlugin as default } from './plugin';
