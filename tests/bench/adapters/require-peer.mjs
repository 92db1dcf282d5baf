// Loads a peer library from tests/bench/peers/node_modules (installed by scripts/bench.sh only).
import { createRequire } from "node:module";

const requireFromPeers = createRequire(new URL("../peers/package.json", import.meta.url));

export function requirePeer(name) {
  try {
    return requireFromPeers(name);
  } catch (error) {
    if (error.code === "MODULE_NOT_FOUND") {
      throw new Error(`${name} is not installed: run npm ci --prefix tests/bench/peers (scripts/bench.sh does)`);
    }
    throw error;
  }
}

export function resolvePeer(name) {
  return requireFromPeers.resolve(name);
}
