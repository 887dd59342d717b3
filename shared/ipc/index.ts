export * from './channels';
export * from './result';
export * from './schemas';
export * from './types';
export * from './bridge';
export * from './jobs';
export * from './certificates';
