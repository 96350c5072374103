/**
 * A dossier as received at a counter: what the receipt prints and the province system receives.
 * Personal data (the applicant's particulars) stays on the hub and goes to the province system only;
 * the hall's screens hear that a dossier was received, never who brought it.
 */
export type Channel = 1 | 2 | 3; // KenhThucHien: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích
export type ResultDelivery = 'tai-bo-phan' | 'buu-chinh';

export interface DossierApplicant {
  readonly name: string;
  readonly idNumber: string;
  readonly address: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface DossierDocument {
  readonly name: string;
  readonly originals: number;
  readonly copies: number;
}

export interface DossierRecord {
  readonly code: string;
  readonly receivedAt: number;
  readonly appointmentAt: number;
  readonly procedure: { readonly code: string; readonly name: string; readonly fieldName: string | null };
  readonly workingDays: number;
  readonly applicant: DossierApplicant;
  readonly documents: readonly DossierDocument[];
  readonly dossierSets: number;
  readonly channel: Channel;
  readonly resultDelivery: ResultDelivery;
  readonly agencyCode: string;
  readonly officerName: string | null;
  /** Printed on the receipt as "Mã tra cứu"; the kiosk asks it before showing any detail. */
  readonly secret: string;
}
