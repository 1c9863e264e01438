// The little of the Frictionless `datapackage` library (no types of its own) that the open-data
// tests use to validate our data packages.
declare module 'datapackage' {
  export interface Resource {
    name: string;
    read(options: { keyed?: boolean; cast?: boolean }): Promise<unknown[]>;
  }
  export class Package {
    static load(
      descriptor: object | string,
      options?: { basePath?: string; strict?: boolean },
    ): Promise<Package>;
    readonly valid: boolean;
    readonly errors: Error[];
    readonly resources: Resource[];
  }
}
