// Turns whatever a call threw into words for the user: API error codes and field error codes
// are looked up in the `errors` namespace; anything unknown gets a generic message.
import type { ProblemFieldError } from '@vcentri/shared';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';

export function errorCodeOf(error: unknown): string {
  return isApiError(error) ? error.code : 'unknown_error';
}

export function translateErrorCode(t: TFunction, code: string): string {
  return t([`errors:codes.${code}`, 'errors:codes.unknown_error']);
}

export function translateFieldError(t: TFunction, field: string, error: ProblemFieldError): string {
  return t([
    `errors:fields.${error.code}_${field}`,
    `errors:fields.${error.code}`,
    `errors:codes.${error.code}`,
    'errors:fields.invalid',
  ]);
}

/** A translator for thrown errors that follows the UI language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => translateErrorCode(t, errorCodeOf(error)), [t]);
}
