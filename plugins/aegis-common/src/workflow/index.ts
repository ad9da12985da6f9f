export * from './stateMachine';
export * from './testTypes';
export * from './evidenceTypes';
export * from './templateTypes';
