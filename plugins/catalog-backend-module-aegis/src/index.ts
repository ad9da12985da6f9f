/**
 * ATT&CK techniques and tactics as catalog entities, with their Aegis
 * coverage and their relations to the services they are tested against.
 *
 * @packageDocumentation
 */

export { catalogModuleAegis as default } from './module';
export * from './model';
export { AegisTechniqueProcessor } from './processor/AegisTechniqueProcessor';
export { AegisTechniqueEntityProvider } from './provider/AegisTechniqueEntityProvider';
export type { TechniqueFeedSource } from './provider/TechniqueFeedClient';
export { TechniqueFeedClient } from './provider/TechniqueFeedClient';
