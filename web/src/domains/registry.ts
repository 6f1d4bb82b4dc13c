import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * One screen per domain, each in its own folder (`domains/<name>/`: operations.graphql, the
 * screen, its parts). A new domain adds its folder and one line here.
 */
export interface DomainScreen {
  /** Path under /app/ (no leading slash). */
  path: string;
  title: string;
  Screen: LazyExoticComponent<ComponentType>;
}

export const domainScreens: readonly DomainScreen[] = [
  { path: 'todos', title: 'Todos', Screen: lazy(() => import('./todos/TodosScreen')) },
  { path: 'notes', title: 'Notes', Screen: lazy(() => import('./notes/NotesScreen')) },
  { path: 'chat', title: 'Chat', Screen: lazy(() => import('./chat/ChatScreen')) },
  { path: 'stocks', title: 'Stocks', Screen: lazy(() => import('./stocks/StocksScreen')) },
  { path: 'links', title: 'Links', Screen: lazy(() => import('./links/LinksScreen')) },
  { path: 'weather', title: 'Weather', Screen: lazy(() => import('./weather/WeatherScreen')) },
  { path: 'wallet', title: 'Wallet', Screen: lazy(() => import('./chain/WalletScreen')) },
  { path: 'shop', title: 'Shop', Screen: lazy(() => import('./commerce/ShopScreen')) },
  { path: 'for-you', title: 'For you', Screen: lazy(() => import('./recommendations/ForYouScreen')) },
  { path: 'blog', title: 'Blog', Screen: lazy(() => import('./blog/BlogScreen')) },
  { path: 'expenses', title: 'Expenses', Screen: lazy(() => import('./expenses/ExpensesScreen')) },
  { path: 'banking', title: 'Banking', Screen: lazy(() => import('./banking/BankingScreen')) },
  { path: 'files', title: 'Files', Screen: lazy(() => import('./files/FilesScreen')) },
  { path: 'organizations', title: 'Organisations', Screen: lazy(() => import('./tenancy/OrganizationsScreen')) },
  { path: 'security', title: 'Security', Screen: lazy(() => import('./accounts/SecurityScreen')) },
];
