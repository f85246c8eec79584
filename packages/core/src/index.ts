export * from './permissions';
export * from './locale';
export * from './menu';
export * from './notifications';
