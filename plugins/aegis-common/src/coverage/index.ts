export * from './types';
export * from './metricsTypes';
export * from './reportTypes';
export * from './catalogFeed';
