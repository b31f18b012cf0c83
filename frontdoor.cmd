@echo off
rem The elastOS front door on Windows. With no arguments: the app, on a throw-away demo world.
rem With arguments: the command line (try "frontdoor --help"). Builds the app first if it is not built yet.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%app\target\lib\frontdoor-app.jar"

where java >nul 2>nul || (echo frontdoor: Java 17 or newer is needed. & exit /b 1)
if not exist "%JAR%" (
  where mvn >nul 2>nul || (echo frontdoor: Maven is needed to build. & exit /b 1)
  echo frontdoor: building, first run...
  pushd "%HERE%"
  call mvn -B -q -DskipTests install || (popd & exit /b 1)
  popd
)
if /i "%~1"=="chain" if not exist "%HERE%market\contracts\node_modules\hardhat" (
  where npm >nul 2>nul || (echo frontdoor: Node.js with npm is needed for the local chain. & exit /b 1)
  pushd "%HERE%market\contracts"
  call npm ci --no-audit --no-fund || (popd & exit /b 1)
  popd
)
java -jar "%JAR%" %*
