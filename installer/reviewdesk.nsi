; Per-user installer for ReviewDesk 评查工作台 around the PyInstaller one-folder build (installer/reviewdesk.spec).
;
;   makensis -DVERSION=0.1.0 -DDIST=..\dist\ReviewDesk [-DOUTFILE=ReviewDesk-setup.exe] [-DSTORE] installer\reviewdesk.nsi
;
; No administrator rights: installs under %LOCALAPPDATA%\Programs\ReviewDesk, writes only HKCU (Start menu entry,
; the .rdpkg association that runs `ReviewDesk.exe "%1"`, the Apps & features entry). The uninstaller removes
; the program files it installed and nothing else: workspaces, backups and logs live in the per-user data
; folders (docs/install.md) and stay. -DSTORE skips compression (CI); releases use solid LZMA.

Unicode true
!include "MUI2.nsh"

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef DIST
  !error "pass -DDIST=<folder of the PyInstaller build, holding ReviewDesk.exe>"
!endif
!ifndef SUFFIX
  !define SUFFIX ".exe"  ; CI packs its Linux build with -DSUFFIX= to check that this script compiles
!endif
!ifndef OUTFILE
  !define OUTFILE "ReviewDesk-${VERSION}-setup.exe"
!endif
!ifdef STORE
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define APP "ReviewDesk"
!define APP_ZH "评查工作台"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define PROGID "ReviewDesk.Package"

Name "${APP_ZH} ${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_ZH} ${APP}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_ZH} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "ReviewDesk"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\ReviewDesk.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

Section "ReviewDesk" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the whole program: libraries of the old version must not linger beside the new ones.
  RMDir /r "$INSTDIR\_internal"
  File "/oname=ReviewDesk.exe" "${DIST}\ReviewDesk${SUFFIX}"
  File "/oname=reviewdesk-cli.exe" "${DIST}\reviewdesk-cli${SUFFIX}"
  File /r "${DIST}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_ZH}.lnk" "$INSTDIR\ReviewDesk.exe" "" "$INSTDIR\ReviewDesk.exe" 0

  ; .rdpkg packages from the USB stick open in the import wizard (after log-in).
  WriteRegStr HKCU "Software\Classes\.rdpkg" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "评查案件包 (ReviewDesk package)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\ReviewDesk.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\ReviewDesk.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_ZH} ${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "ReviewDesk"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\ReviewDesk.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Only what the installer put here. Workspaces are never inside the program folder (the app keeps them in
  ; the per-user data folder or where the user chose) and are never touched.
  Delete "$INSTDIR\ReviewDesk.exe"
  Delete "$INSTDIR\reviewdesk-cli.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: anything else the user left there stays

  Delete "$SMPROGRAMS\${APP_ZH}.lnk"
  ReadRegStr $0 HKCU "Software\Classes\.rdpkg" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.rdpkg"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
