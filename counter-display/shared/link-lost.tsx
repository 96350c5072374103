/**
 * A calm sign that the screen has lost the hub: small, in a corner, never covering the numbers (the
 * last ones shown are still right for the citizens in the hall until the link is back).
 */
export function LinkLost(props: { connected: boolean; hasView: boolean }) {
  if (props.connected) return null;
  return (
    <div class="link-lost" role="status">
      {props.hasView ? 'Đang kết nối lại…' : 'Đang kết nối tới máy chủ…'}
    </div>
  );
}
