export * from './ast';
export * from './spec';
