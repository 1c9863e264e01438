// Log-in and registration as a visitor experiences them: labelled fields, translated API errors
// next to the fields they are about, and a summary announced as an alert.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json, problem, sampleMe, sampleUser, signedOut } from './fake-api';
import { renderApp } from './render-app';

describe('first visit', () => {
  it('does not ask the API to restore a session when this browser never signed in', async () => {
    document.cookie = 'vcentri_session=; path=/; max-age=0';
    const { requests } = installFakeApi({ ...signedOut });
    renderApp('/');
    expect(await screen.findByRole('link', { name: 'Увійти' })).toBeInTheDocument();
    expect(requests.some((r) => r.path === '/auth/refresh')).toBe(false);
  });
});

describe('log-in form', () => {
  it('shows the translated invalid_credentials error and keeps the visitor on the page', async () => {
    const { requests } = installFakeApi({
      ...signedOut,
      'POST /auth/login': problem(401, 'invalid_credentials'),
    });
    const user = userEvent.setup();
    renderApp('/login');

    await user.type(await screen.findByLabelText('Електронна пошта'), 'olena@example.com');
    await user.type(screen.getByLabelText('Пароль'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Увійти' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Неправильна електронна пошта або пароль.');
    expect(screen.getByRole('heading', { level: 1, name: 'Вхід' })).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/auth/login')?.body).toEqual({
      email: 'olena@example.com',
      password: 'wrong password',
    });
  });

  it('shows the same error in English after switching the language', async () => {
    installFakeApi({ ...signedOut, 'POST /auth/login': problem(401, 'invalid_credentials') });
    const user = userEvent.setup();
    renderApp('/login');

    await user.click(await screen.findByRole('button', { name: 'English' }));
    await user.type(screen.getByLabelText('Email'), 'olena@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  });

  it('signs in, returns to the page in ?next= and shows the user in the header', async () => {
    const me = sampleMe([], sampleUser({ name: 'Олена Коваль' }));
    const { requests } = installFakeApi({
      ...signedOut,
      'POST /auth/login': json({
        accessToken: 'access-1',
        tokenType: 'Bearer',
        expiresIn: 900,
        user: me.user,
      }),
      'GET /me': json(me),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/login?next=%2Faccount');

    await user.type(await screen.findByLabelText('Електронна пошта'), 'olena@example.com');
    await user.type(screen.getByLabelText('Пароль'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Увійти' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Обліковий запис' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/account');
    expect(screen.getByTestId('current-user')).toHaveTextContent('Олена Коваль');
    expect(screen.getByRole('button', { name: 'Вийти' })).toBeInTheDocument();
    // The access token travels as a Bearer header, not a cookie.
    expect(requests.find((r) => r.path === '/me')?.headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('asks for the missing fields without calling the API', async () => {
    const { requests } = installFakeApi({ ...signedOut });
    const user = userEvent.setup();
    renderApp('/login');

    await user.click(await screen.findByRole('button', { name: 'Увійти' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Перевірте виділені поля.');
    expect(screen.getByLabelText('Електронна пошта')).toHaveAccessibleDescription('Заповніть це поле.');
    expect(requests.some((r) => r.path === '/auth/login')).toBe(false);
  });
});

describe('registration form', () => {
  async function fillAndSubmit(fields: { name: string; email: string; password: string }) {
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Ім'я"), fields.name);
    await user.type(screen.getByLabelText('Електронна пошта'), fields.email);
    await user.type(screen.getByLabelText('Пароль'), fields.password);
    await user.click(screen.getByRole('button', { name: 'Зареєструватися' }));
  }

  it('shows field errors from the API next to the field and in the summary', async () => {
    installFakeApi({
      ...signedOut,
      'POST /auth/register': problem(400, 'validation_failed', [
        { path: '/email', code: 'format', message: 'must match format "email"' },
      ]),
    });
    renderApp('/register');

    await fillAndSubmit({ name: 'Олена', email: 'olena-at-example', password: 'a long enough password' });

    const email = screen.getByLabelText('Електронна пошта');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription('Введіть адресу електронної пошти у форматі name@example.com.');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Деякі поля заповнено неправильно.');
    expect(within(alert).getByRole('link', { name: /^Електронна пошта:/ })).toBeInTheDocument();
  });

  it('puts email_taken next to the e-mail field', async () => {
    installFakeApi({ ...signedOut, 'POST /auth/register': problem(409, 'email_taken') });
    renderApp('/register');

    await fillAndSubmit({ name: 'Олена', email: 'olena@example.com', password: 'a long enough password' });

    await waitFor(() =>
      expect(screen.getByLabelText('Електронна пошта')).toHaveAccessibleDescription(
        'Обліковий запис із цією адресою вже існує.',
      ),
    );
    expect(screen.getByLabelText('Пароль')).not.toHaveAttribute('aria-invalid');
  });

  it('refuses a short password before sending it, with the rule the API applies', async () => {
    const { requests } = installFakeApi({ ...signedOut });
    renderApp('/register');

    await fillAndSubmit({ name: 'Олена', email: 'olena@example.com', password: 'short' });

    await waitFor(() =>
      expect(screen.getByLabelText('Пароль')).toHaveAccessibleDescription(
        expect.stringContaining('Пароль має містити щонайменше 10 символів.'),
      ),
    );
    expect(requests.some((r) => r.path === '/auth/register')).toBe(false);
  });

  it('creates the account in the current language and signs the new user in', async () => {
    const user = sampleUser({ name: 'Олена', email: 'olena@example.com' });
    const { requests } = installFakeApi({
      ...signedOut,
      'POST /auth/register': json(user, 201),
      'POST /auth/login': json({ accessToken: 'access-1', tokenType: 'Bearer', expiresIn: 900, user }),
      'GET /me': json(sampleMe([], user)),
    });
    renderApp('/register');

    await fillAndSubmit({ name: 'Олена', email: 'olena@example.com', password: 'a long enough password' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Обліковий запис' })).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/auth/register')?.body).toEqual({
      name: 'Олена',
      email: 'olena@example.com',
      password: 'a long enough password',
      locale: 'uk',
    });
  });
});
