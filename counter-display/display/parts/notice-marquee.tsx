/**
 * The office's notice, running along the bottom. Its speed is kept constant whatever its length
 * (a long notice runs longer, not faster), and it stands still for viewers who asked for less motion.
 * Rendered as text: a notice holding markup shows the markup, never runs it.
 */
export function NoticeMarquee(props: { text: string }) {
  const text = props.text.trim();
  if (!text) return null;
  const seconds = Math.max(12, Math.round(text.length / 6));
  return (
    <footer class="tv-notice" aria-label="Thông báo">
      <div class="tv-notice-track" style={{ animationDuration: `${seconds}s` }}>
        {text}
      </div>
    </footer>
  );
}
