import { durationText } from './dashboard-text.js';

/** A duration is a value, not a label: Vietnamese on the page, English on hover to keep rows short. */
export function Duration(props: { minutes: number }) {
  const text = durationText(props.minutes);
  return <span title={text.en}>{text.vi}</span>;
}
