// One store for the whole page: get(), set(partial), subscribe(fn) -> unsubscribe.

/**
 * @param {object} initialState a full state (every schema key)
 * @param {(partial: object) => {values: object, rejected: string[]}} [sanitize] drops invalid values
 */
export function createStore(initialState, sanitize) {
  let state = Object.freeze({...initialState});
  const listeners = new Set();

  function set(partial) {
    const values = sanitize ? sanitize(partial).values : partial;
    const changed = new Set();
    for (const [key, value] of Object.entries(values)) {
      if (!sameValue(state[key], value)) changed.add(key);
    }
    if (changed.size === 0) return changed;
    state = Object.freeze({...state, ...values});
    for (const listener of [...listeners]) listener(state, changed);
    return changed;
  }

  return {
    get: () => state,
    set,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function sameValue(a, b) {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return Object.is(a, b);
}
