// Addresses of the privacy page and of the account page's sections about personal data (a
// notification that an archive is ready links to `/account#data-export`).
export const PRIVACY_PATH = '/privacy';

export const ACCOUNT_SECTIONS = {
  consents: 'consents',
  dataExport: 'data-export',
  deleteAccount: 'delete-account',
} as const;

export type AccountSection = (typeof ACCOUNT_SECTIONS)[keyof typeof ACCOUNT_SECTIONS];

export function accountSectionPath(section: AccountSection): string {
  return `/account#${section}`;
}

/** The navigation state with which the portal goes home after erasing the reader's account. */
export interface AccountDeletedState {
  accountDeleted: true;
}

export function isAccountDeletedState(state: unknown): state is AccountDeletedState {
  return (state as Partial<AccountDeletedState> | null)?.accountDeleted === true;
}
