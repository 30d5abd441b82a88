// The features each environment had at the last read of any plan (a plan read lists them all), so
// a feature named in a plan document can be turned into its document's address without a request.
import type { EnvironmentId } from '../../domain/environment';
import type { FeatureRef } from '../../domain/kelviq/plan';

export class KnownFeatures {
  private readonly byEnvironment = new Map<EnvironmentId, FeatureRef[]>();

  note(environment: EnvironmentId, features: readonly FeatureRef[] | undefined): void {
    if (features) this.byEnvironment.set(environment, [...features]);
  }

  all(environment: EnvironmentId): readonly FeatureRef[] {
    return this.byEnvironment.get(environment) ?? [];
  }

  byIdentifier(environment: EnvironmentId, identifier: string): FeatureRef | undefined {
    return this.byEnvironment.get(environment)?.find((f) => f.identifier === identifier);
  }

  byId(environment: EnvironmentId, id: string): FeatureRef | undefined {
    return this.byEnvironment.get(environment)?.find((f) => f.id === id);
  }
}
