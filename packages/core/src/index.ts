export * from './permissions';
export * from './locale';
export * from './menu';
export * from './notifications';
export * from './metadata';
export * from './filter';
export * from './dedupe';
export * from './pools';
