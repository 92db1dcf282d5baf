// Whether training is visibly unstable before it has diverged: a learning rate
// far too large keeps the loss bouncing above where it started (sigmoid +
// cross-entropy stays finite, so the core's `diverged` flag never fires).

/** Epochs averaged, and how far above the starting loss counts as unstable. */
export const STABILITY_WINDOW = 10;
export const UNSTABLE_RATIO = 1.5;

/**
 * @param {{trainLoss: ArrayLike<number>}|null|undefined} history  from trainer.history(), epoch 0 first
 * @returns {boolean} true when the mean loss of the last epochs is well above the initial loss
 */
export function isUnstable(history) {
  const losses = history?.trainLoss;
  if (!losses || losses.length < 6) return false;
  const initial = losses[0];
  if (!Number.isFinite(initial) || initial <= 0) return false;
  const from = Math.max(1, losses.length - STABILITY_WINDOW);
  let sum = 0;
  for (let i = from; i < losses.length; i++) sum += losses[i];
  return sum / (losses.length - from) > UNSTABLE_RATIO * initial;
}
