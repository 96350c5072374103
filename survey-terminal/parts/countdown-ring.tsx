/**
 * How much of the rating window is left, as a calm ring that empties: no red, no blinking, the
 * seconds small inside. It informs; it must not hurry an elderly citizen.
 */
export function CountdownRing(props: { share: number; seconds: number; label: string }) {
  const r = 26;
  const length = 2 * Math.PI * r;
  return (
    <div class="ring" role="timer" aria-label={props.label} title={props.label} data-testid="countdown">
      <svg viewBox="0 0 64 64" width="64" height="64" aria-hidden="true">
        <circle cx="32" cy="32" r={r} fill="none" stroke="var(--band)" stroke-width="6" />
        <circle
          cx="32"
          cy="32"
          r={r}
          fill="none"
          stroke="var(--brand)"
          stroke-width="6"
          stroke-linecap="round"
          stroke-dasharray={`${length}`}
          stroke-dashoffset={`${length * (1 - props.share)}`}
          transform="rotate(-90 32 32)"
        />
      </svg>
      <span class="ring-seconds">{props.seconds}</span>
    </div>
  );
}
