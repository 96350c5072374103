/**
 * A counter's name without its leading "Quầy N –": where the number is already shown big beside it,
 * "Quầy 2 – Đất đai – Xây dựng" reads as "Đất đai – Xây dựng". A name that is only "Quầy N" stays.
 */
export function counterSubtitle(name: string, number: number): string {
  const stripped = name.replace(new RegExp(`^\\s*Quầy\\s*${number}\\s*[–—-]?\\s*`, 'u'), '');
  return stripped.length > 0 ? stripped : name;
}
