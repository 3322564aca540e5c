export * from './types';
export * from './compile';
export * from './run';
export * from './login';
export * from './propose';
export * from './today';
