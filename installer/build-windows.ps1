# Build ReviewDesk for Windows from a clean checkout: pinned wheels (installer/requirements-win.txt, with
# hashes), the PyInstaller one-folder build, its smoke test, then the per-user NSIS installer.
#
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 [-Python "py -3.11"] [-Makensis makensis.exe]
#
# Needs: CPython 3.11 (64-bit) and NSIS 3 (makensis on PATH or -Makensis). Nothing else is taken from the
# machine: a fresh virtual environment in build\win-venv gets exactly the locked wheels.
# Output: dist\ReviewDesk\ (the program folder) and dist\ReviewDesk-<version>-setup.exe.
param(
    [string]$Python = "py -3.11",
    [string]$Makensis = "makensis"
)
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
Set-Location $root

function Run([string]$what, [scriptblock]$block) {
    Write-Host "== $what"
    & $block
    if ($LASTEXITCODE -ne 0) { throw "$what failed (exit code $LASTEXITCODE)" }
}

$venv = Join-Path $root "build\win-venv"
if (Test-Path $venv) { Remove-Item -Recurse -Force $venv }
foreach ($old in @("build\pyi", "dist\ReviewDesk")) { if (Test-Path $old) { Remove-Item -Recurse -Force $old } }
$pyExe, $pyArgs = $Python -split " ", 2
Run "virtual environment" { & $pyExe $pyArgs -m venv $venv }
$py = Join-Path $venv "Scripts\python.exe"
Run "check CPython 3.11 64-bit" { & $py -c "import struct, sys; assert sys.version_info[:2] == (3, 11) and struct.calcsize('P') == 8, sys.version" }
Run "locked wheels" { & $py -m pip install --require-hashes --only-binary=:all: --no-deps -r installer\requirements-win.txt }
Run "ReviewDesk itself" { & $py -m pip install --no-deps --no-build-isolation . }
Run "dependencies complete" { & $py -m pip check }
Run "PyInstaller" { & $py -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyi installer\reviewdesk.spec }
Run "smoke test of the build" { & dist\ReviewDesk\reviewdesk-cli.exe --smoke-test }

$version = & $py -c "import reviewdesk; print(reviewdesk.__version__)"
Run "installer" { & $Makensis "-DVERSION=$version" "-DDIST=$root\dist\ReviewDesk" "-DICON=$root\build\installer-data\reviewdesk.ico" "-DOUTFILE=$root\dist\ReviewDesk-$version-setup.exe" installer\reviewdesk.nsi }
Write-Host "Built dist\ReviewDesk\ and dist\ReviewDesk-$version-setup.exe"
