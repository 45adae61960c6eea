/** What stands in for a part of the window while its code loads: a short polite status line. */
export function LoadingPart() {
  return (
    <p className="loading-part" role="status">
      Loading…
    </p>
  );
}
