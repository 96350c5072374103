/** Vietnamese first, English after it, small and muted: the admin page's rule for every label. */
export function Bi(props: { vi: string; en: string }) {
  return (
    <>
      <span class="vi">{props.vi}</span>{' '}
      <span class="en" lang="en">
        {props.en}
      </span>
    </>
  );
}
