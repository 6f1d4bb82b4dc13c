import type { Viewer } from '@mosaic/kit';

export interface GatewayContext {
  requestId: string;
  viewer: Viewer | null;
  /** The verified Authorization header, forwarded unchanged to subgraphs. */
  authorization: string | undefined;
}
