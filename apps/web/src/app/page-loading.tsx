import { Loading } from '../components/status';

/** Shown while the first page's code is still on its way. */
export function PageLoading() {
  return (
    <div className="container page">
      <Loading />
    </div>
  );
}
