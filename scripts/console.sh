# Builds the console (console/: Vite + TypeScript, calling the API through clients/typescript) into Edge.Api/wwwroot
# (index.html, app.js, app.css). Sourced by run.sh and test.sh after infra_up (scripts/infra.sh installs nodejs and npm with apt when missing). Packages come
# from the npm registry at build time, pinned by console/package-lock.json; nothing is fetched at run time.
console_build() {
  # The console calls the API through the generated client (clients/typescript, scripts/tsclient.sh), whose one runtime
  # dependency (openapi-fetch) is installed there.
  (
    cd clients/typescript || exit 1
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi
  ) || return 1
  (
    cd console || exit 1
    # npm ci only when the lock file changed since the last install (it replaces node_modules: slow).
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund --loglevel=error
    fi
    npm run --silent build -- --logLevel warn
  )
}
