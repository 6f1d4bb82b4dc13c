/** A gateway under test, listening on 127.0.0.1. */
export interface RunningGateway {
  /** The GraphQL endpoint. */
  url: string;
  close(): Promise<void>;
}

export type GatewayStarter = (supergraphSdl: string) => Promise<RunningGateway>;
