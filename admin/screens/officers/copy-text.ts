/**
 * Puts a text on the clipboard. The clipboard API needs a secure context, which a hub reached by its
 * LAN address over plain http is not: then the text in `field` is selected and copied the old way.
 */
export async function copyText(text: string, field: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field?.select();
    return document.execCommand('copy');
  }
}
