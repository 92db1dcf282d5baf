// Cards that load something on demand (KaTeX, the guide's texts) start it a screen ahead of
// themselves: the first screen does not show them.

/** Calls `onNear` once, when `element` comes within a screen of the view. Returns a disconnect(). */
export function whenNear(element, onNear) {
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((item) => item.isIntersecting)) return;
      observer.disconnect();
      onNear();
    },
    {rootMargin: "100% 0px"},
  );
  observer.observe(element);
  return () => observer.disconnect();
}
