import type { ProgressEvent } from '../index';
import type { TextSink } from './env';

const LABELS: Readonly<Record<ProgressEvent['phase'], string>> = {
  validate: 'validating',
  score: 'scoring pairs',
  solve: 'solving',
  explain: 'explaining',
  diagnose: 'diagnosing the rules',
};

/** A one-line progress display on a terminal; silent elsewhere or when `quiet`. */
export interface ProgressLine {
  /** Pass as `onProgress` to `match`; `undefined` when nothing is shown. */
  readonly onProgress: ((event: ProgressEvent) => void) | undefined;
  /** Shows a free-form step (reading a file). */
  step(text: string): void;
  /** Erases the line. */
  done(): void;
}

/**
 * Progress on standard error, redrawn in place, at most every 100 ms; shown only on a terminal and
 * never with `--quiet`, so that pipes and log files stay clean.
 *
 * @param stderr - Where to draw.
 * @param quiet - `--quiet` was given.
 */
export function progressLine(stderr: TextSink, quiet: boolean): ProgressLine {
  if (quiet || stderr.isTTY !== true) return { onProgress: undefined, step: () => {}, done: () => {} };
  let shown = false;
  let last = 0;
  let lastPhase = '';
  const draw = (text: string) => {
    const width = Math.max(20, (stderr.columns ?? 80) - 1);
    stderr.write(`\r\u001b[2K${text.slice(0, width)}`);
    shown = true;
  };
  return {
    onProgress: (event) => {
      const t = Date.now();
      if (event.phase === lastPhase && t - last < 100 && event.done !== event.total) return;
      last = t;
      lastPhase = event.phase;
      const label = LABELS[event.phase];
      if (event.total === null || event.total === 0) draw(`${label}${event.done > 0 ? ` (${event.done} steps)` : ''}…`);
      else draw(`${label} ${Math.round((100 * event.done) / event.total)}% (${event.done}/${event.total})`);
    },
    step: (text) => draw(`${text}…`),
    done: () => {
      if (shown) stderr.write('\r\u001b[2K');
      shown = false;
    },
  };
}
