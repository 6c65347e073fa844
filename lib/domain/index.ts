export * from './decimal';
export * from './money';
export * from './schemas';
export * from './taxonomy';
export * from './text';
export * from './values';
