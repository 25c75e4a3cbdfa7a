export * from './types';
export * from './describe';
export * from './multiString';
export * from './datetime';
export * from './validate';
export * from './diff';
export * from './attributes';
export * from './serverErrors';
