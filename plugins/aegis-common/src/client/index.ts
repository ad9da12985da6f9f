export type { AegisApi, AegisRequestOptions } from './AegisApi';
export { AegisClient } from './AegisClient';
export type { AegisDiscovery, AegisFetch } from './AegisClient';
