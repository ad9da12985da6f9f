/**
 * The Aegis frontend plugin: MITRE ATT&CK coverage pages for Backstage.
 *
 * @packageDocumentation
 */

export { aegisPlugin, AegisPage } from './plugin';
export { aegisApiRef } from './api/aegisApiRef';
