export * from './types';
export * from './compute';
export * from './format';
export * from './serialize';
