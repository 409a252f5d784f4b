# The TypeScript client in clients/typescript, generated from the API's OpenAPI document. Sourced by test.sh and run.sh
# after the .NET build; run on its own (`bash scripts/tsclient.sh`) after changing an endpoint, then commit
# clients/typescript (openapi.json and src/schema.d.ts are generated: never edit them by hand).
#   1. Edge.Api writes its document without starting (`--export-openapi`, Edge.Api/Hosting/ApiDocument.cs): no
#      database, broker or network is touched, so the placeholder settings below are enough.
#   2. openapi-typescript (npm, pinned by clients/typescript/package-lock.json) turns it into src/schema.d.ts: the
#      paths, their parameters, bodies and responses as TypeScript types; src/index.ts puts openapi-fetch on them.
#   3. tsc type-checks and compiles the client and its test (dist/, not committed) for tests/Pipeline.Tests/TypeScriptClient.
# A generated file that differs from the committed one is reported here, and the test
# Generated_client.The_committed_client_is_generated_from_the_current_document fails until it is committed.
tsclient_build() {
  # Each step checks its own status: errexit does not hold inside a function called as `if ! tsclient_build`.
  (
    cd clients/typescript || exit 1
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error || exit 1
    fi
    if [ ! -f ../../Edge.Api/bin/Release/net10.0/Pipeline.Edge.Api.dll ]; then
      echo "tsclient: build Edge.Api first (Edge.Api/bin/Release/net10.0/Pipeline.Edge.Api.dll is missing)" >&2; exit 1
    fi
    (
      cd ../../Edge.Api || exit 1
      ConnectionStrings__Postgres="Host=127.0.0.1;Database=unused" Redis__Configuration=127.0.0.1:1 \
        Auth__SigningKey="openapi-export-only-placeholder-key-not-a-secret" Logging__LogLevel__Default=Warning \
        dotnet bin/Release/net10.0/Pipeline.Edge.Api.dll --export-openapi ../clients/typescript/openapi.json >/dev/null
    ) || { echo "tsclient: Edge.Api could not export its OpenAPI document" >&2; exit 1; }
    npx --no-install openapi-typescript openapi.json --output src/schema.d.ts --silent || exit 1
    npm run --silent build || exit 1
    if command -v git >/dev/null && git rev-parse --git-dir >/dev/null 2>&1 \
      && ! git diff --quiet HEAD -- openapi.json src/schema.d.ts 2>/dev/null; then
      echo "tsclient: clients/typescript was regenerated and differs from the committed client: commit openapi.json and src/schema.d.ts" >&2
    fi
  )
}

# Run directly: regenerate (building Edge.Api first).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  cd "$(dirname "$0")/.."
  dotnet build Edge.Api -c Release -nologo -v quiet -clp:ErrorsOnly
  tsclient_build
fi
