// Setting a key of the JS data the way yaml's toJS does, shared by both parse paths so their data cannot drift apart.

/**
 * Sets `obj[key]` as yaml's addPairToJSMap does: a repeated key, or one an object inherits (`__proto__`,
 * `constructor`), is redefined in place as an own property, so the data never touches a prototype. True when `key`
 * was already an own key.
 */
export function setKey(obj: Record<string, unknown>, key: string, value: unknown): boolean {
  if (!(key in obj)) {
    obj[key] = value
    return false
  }
  const repeated = Object.hasOwn(obj, key)
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true })
  return repeated
}
