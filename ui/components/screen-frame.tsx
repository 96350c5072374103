import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { vnClock, vnParts } from '../../common/time/vn-time.js';
import './screen-frame.css';

const WEEKDAYS = ['Chủ nhật', 'Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy'];

export function vnDateLine(now: number): string {
  const p = vnParts(now);
  return `${WEEKDAYS[p.weekday]}, ${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}

/**
 * Every kiosk screen: the office on top with the date and time, the content, and a footer whose
 * Back and Home are always in the same place (elderly users learn one place, not one per screen).
 */
export function ScreenFrame(props: {
  title: string;
  languageLabel: string;
  onLanguage: () => void;
  banner?: ComponentChildren;
  footer?: ComponentChildren;
  children: ComponentChildren;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  return (
    <div class="frame">
      <header class="frame-head">
        <div class="frame-office">{props.title}</div>
        <div class="frame-time">
          <span class="frame-clock">{vnClock(now)}</span>
          <span class="frame-date">{vnDateLine(now)}</span>
        </div>
        <button class="frame-lang" onClick={props.onLanguage}>
          {props.languageLabel}
        </button>
      </header>
      {props.banner}
      <main class="frame-body">{props.children}</main>
      {props.footer && <footer class="frame-foot">{props.footer}</footer>}
    </div>
  );
}
