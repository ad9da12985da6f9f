export * from './stateMachine';
export * from './testTypes';
