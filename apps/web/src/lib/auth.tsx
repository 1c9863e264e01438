// Who is signed in. On load the provider trades the refresh cookie for an access token (silently:
// a visitor without a session just stays signed out), then reads /me for roles and scopes.
import { useQueryClient } from '@tanstack/react-query';
import {
  GRANTED_ROLES,
  type GrantedRole,
  type LoginBody,
  type MeResponse,
  type RegisterBody,
  type TokenResponse,
  type User,
} from '@vcentri/shared';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { api, onSessionChange, refreshSession, setAccessToken } from './api-client';

export type AuthStatus = 'restoring' | 'signed_in' | 'signed_out';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  me: MeResponse | null;
  login(body: LoginBody): Promise<MeResponse>;
  register(body: RegisterBody): Promise<User>;
  logout(): Promise<void>;
  /** Replaces the cached /me answer, e.g. with the body PATCH /me returned. */
  setMe(me: MeResponse): void;
  /** Reads /me again, e.g. after the signed-in user's own grants changed. */
  reloadMe(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export const fetchMe = () => api.get<MeResponse>('/me');

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [me, setMeState] = useState<MeResponse | null>(null);
  // A guest (no session hint) is known at once, so a guest's first paint is the page itself.
  const [status, setStatus] = useState<AuthStatus>(() => (hasSessionHint() ? 'restoring' : 'signed_out'));
  const restoreStarted = useRef(false);

  const signOutLocally = useCallback(() => {
    setAccessToken(null);
    setMeState(null);
    setStatus('signed_out');
  }, []);

  useEffect(() => {
    // A ref rather than an effect cleanup: StrictMode re-runs effects, and a second refresh with
    // the same (already rotated) cookie would be reported as token reuse.
    if (restoreStarted.current) return;
    restoreStarted.current = true;
    void (async () => {
      // The refresh cookie is httpOnly; its readable companion says whether there is a session
      // to restore, so a guest's page load does not ask (and get a 401) for nothing.
      if (!hasSessionHint()) {
        signOutLocally();
        return;
      }
      const token = await refreshSession();
      if (!token) {
        signOutLocally();
        return;
      }
      try {
        setMeState(await fetchMe());
        setStatus('signed_in');
      } catch {
        signOutLocally();
      }
    })();
  }, [signOutLocally]);

  useEffect(
    () =>
      onSessionChange((token) => {
        if (token === null) {
          signOutLocally();
          queryClient.removeQueries();
        }
      }),
    [queryClient, signOutLocally],
  );

  const login = useCallback(async (body: LoginBody) => {
    const tokens = await api.post<TokenResponse>('/auth/login', body);
    setAccessToken(tokens.accessToken);
    const fresh = await fetchMe();
    setMeState(fresh);
    setStatus('signed_in');
    return fresh;
  }, []);

  const register = useCallback((body: RegisterBody) => api.post<User>('/auth/register', body), []);

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout');
    } catch {
      // The local session ends either way; a stale cookie is revoked at its next use.
    }
    signOutLocally();
    queryClient.removeQueries();
  }, [queryClient, signOutLocally]);

  const setMe = useCallback((next: MeResponse) => setMeState(next), []);

  const reloadMe = useCallback(async () => {
    setMeState(await fetchMe());
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({ status, user: me?.user ?? null, me, login, register, logout, setMe, reloadMe }),
    [status, me, login, register, logout, setMe, reloadMe],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** Roles granted on top of 'resident' (the admin area is for accounts that have at least one). */
export function grantedRoles(me: MeResponse | null): GrantedRole[] {
  if (!me) return [];
  const fromRoles = me.roles.filter((r): r is GrantedRole =>
    (GRANTED_ROLES as readonly string[]).includes(r),
  );
  return [...new Set([...fromRoles, ...me.grants.map((g) => g.role)])];
}

export function hasAdminAccess(me: MeResponse | null): boolean {
  return grantedRoles(me).length > 0;
}

export function isCityAdmin(me: MeResponse | null): boolean {
  return !!me && (me.scopes.cityAdmin || me.roles.includes('city_admin'));
}

/** Hub managers (of at least one hub) see the hub calendar and hub management. */
export function managesHubs(me: MeResponse | null): boolean {
  return !!me && (me.scopes.hubIds.length > 0 || me.grants.some((g) => g.role === 'hub_manager'));
}

/** District administrators see their district's activity. */
export function administersDistrict(me: MeResponse | null): boolean {
  return !!me && (me.scopes.districts.length > 0 || me.grants.some((g) => g.role === 'district_admin'));
}

/** People of an organisation (owner or member) have its bookings to look after. */
export function belongsToOrganization(me: MeResponse | null): boolean {
  return !!me && me.scopes.organizationIds.length > 0;
}

/** Set by the API next to the refresh cookie (not a secret: it only says "signed in here"). */
export const SESSION_HINT_COOKIE = 'vcentri_session';

export function hasSessionHint(): boolean {
  return (
    typeof document !== 'undefined' &&
    document.cookie.split('; ').some((c) => c.startsWith(`${SESSION_HINT_COOKIE}=`))
  );
}
