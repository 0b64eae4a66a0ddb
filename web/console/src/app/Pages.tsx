import { Layout } from '../components/Layout';
import { Audit } from '../pages/Audit';
import { Clients } from '../pages/Clients';
import { DossierPage } from '../pages/Dossier';
import { Operators } from '../pages/Operators';
import { OverviewPage } from '../pages/Overview';
import { ProcessPage } from '../pages/Process';
import { ReviewPage } from '../pages/Review';
import { Reviews } from '../pages/Reviews';
import { Search } from '../pages/Search';
import { Webhooks } from '../pages/Webhooks';
import { can, useApp } from './context';
import { useRoute } from './router';

/** The page the hash names, if the operator's role has it. */
export function Pages() {
  const route = useRoute();
  const { operator } = useApp();
  switch (route.page) {
    case 'overview':
      return <OverviewPage />;
    case 'search':
      return <Search />;
    case 'process':
      return <ProcessPage key={route.id} id={route.id} />;
    case 'dossier':
      return <DossierPage key={route.id} id={route.id} />;
    case 'webhooks':
      return <Webhooks />;
    case 'clients':
      return <Clients />;
    case 'reviews':
      return can.review(operator) ? <Reviews /> : <NotAllowed section="reviews" />;
    case 'review':
      return can.review(operator) ? <ReviewPage key={route.id} id={route.id} /> : <NotAllowed section="reviews" />;
    case 'operators':
      return can.administer(operator) ? <Operators /> : <NotAllowed section="operators" />;
    case 'audit':
      return can.administer(operator) ? <Audit /> : <NotAllowed section="audit" />;
    case 'notFound':
      return (
        <Layout section="" title="Page not found">
          <p>
            There is no such page. <a href="#/overview">Go to the overview</a>.
          </p>
        </Layout>
      );
  }
}

function NotAllowed({ section }: { section: string }) {
  return (
    <Layout section={section} title="Not available">
      <p data-testid="not-allowed">Your role ({useApp().operator.role}) does not include this page.</p>
    </Layout>
  );
}
