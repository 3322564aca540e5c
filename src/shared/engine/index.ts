export * from './types';
export * from './compile';
export * from './run';
export * from './login';
