/** What the IT clerk sees on a screen opened without its device key: what to do, in plain words. */
export function NoKey(props: { page: string }) {
  return (
    <div class="setup-needed" role="alert">
      <h1>Màn hình chưa được cài đặt</h1>
      <p>
        Mở trang với khóa thiết bị trong file cấu hình (site.yaml), ví dụ <code>{props.page}?key=…</code>
      </p>
      <p lang="en">Open this page once with its device key from site.yaml: {props.page}?key=…</p>
    </div>
  );
}
