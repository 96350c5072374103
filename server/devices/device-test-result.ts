/**
 * What "Thử thiết bị" answers: whether the device did what it was asked and is fit for the hall,
 * in English (logs, API clients) and in Vietnamese (the admin page shows it as it is).
 */
export interface DeviceTestResult {
  readonly ok: boolean;
  readonly message: string;
  readonly messageVi: string;
}

/**
 * "Bảng LED quầy 1" rather than "Bảng LED Bảng LED quầy 1": the kind's word goes before a device's
 * name only when the name does not already start with it (offices name devices either way).
 */
export function named(word: string, name: string): string {
  const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
  return fold(name).startsWith(fold(word)) ? name : `${word} ${name}`;
}
