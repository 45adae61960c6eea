/** "12 of 30 decided", with a bar. */
export function ReviewProgressMeter({ decided, total }: { decided: number; total: number }) {
  const share = total === 0 ? 0 : decided / total;
  return (
    <div className="review-progress">
      <span className="review-progress-text" data-testid="review-progress">
        {decided} of {total} decided
      </span>
      <div className="review-progress-track" role="progressbar" aria-label="Differences decided" aria-valuemin={0} aria-valuemax={total} aria-valuenow={decided}>
        <div className="review-progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
