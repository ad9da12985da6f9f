/**
 * Shared types, permissions and the typed API client of the Aegis plugins.
 *
 * @packageDocumentation
 */

export * from './permissions';
export * from './client';
export * from './types';
export * from './attackTypes';
export * from './workflow';
export * from './coverage';
export * from './catalog';
