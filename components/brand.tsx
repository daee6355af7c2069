import { browser } from 'wxt/browser';

/** The page heading with Taiwa's mark; `level` keeps one h1 per page. */
export function Brand({ title, level = 1 }: { title: string; level?: 1 | 2 }) {
  const Heading = level === 1 ? 'h1' : 'h2';
  return (
    <Heading className="brand" data-testid="page-title">
      <img src={browser.runtime.getURL('/icon/48.png')} alt="" width={24} height={24} />
      {title}
    </Heading>
  );
}
