// SPEC section 2 as pure functions (one import for the rules and commands): intervals, the size function, overrides, the ladder.
export * from './interval.js'
export * from './size-function.js'
export * from './overrides.js'
export * from './ladder.js'
