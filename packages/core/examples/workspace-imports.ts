// Lets the example import `@zenslackchat/adapters-memory` from inside this repository. The adapters
// depend on core, so core cannot list them as a dependency (a package cycle); a project of your
// own just installs both packages and needs none of this.
import { registerHooks } from 'node:module';

const adaptersMemory = new URL('../../adapters-memory/src/index.ts', import.meta.url).href;

registerHooks({
  resolve: (specifier, context, nextResolve) =>
    nextResolve(specifier === '@zenslackchat/adapters-memory' ? adaptersMemory : specifier, context),
});
