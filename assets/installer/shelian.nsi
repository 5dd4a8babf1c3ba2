; The Windows installer of 社联会管家, compiled on Linux with Debian's makensis (scripts/dist-windows.sh):
;   makensis -DSRC=<folder with shelian.exe and WebView2Loader.dll> -DVERSION=<x.y.z> -DOUT=<installer.exe>
;            -DICON=<icon.ico> assets/installer/shelian.nsi
; Why our own script: Tauri's NSIS bundling downloads a plugin from GitHub on every build and needs a
; header Debian's NSIS 3.08 lacks (STACK.md, "Installers").
;
; What it promises a secretary on an office PC:
; - no administrator rights: a per-user install under %LOCALAPPDATA%\Programs\社联会管家;
; - 开始菜单 and 桌面 shortcuts with the Chinese name;
; - upgrade in place: a newer installer writes over the same folder and the same uninstall entry;
; - the uninstaller removes only the files this installer laid down. The books (books.shelian in
;   %APPDATA%\cn.shelian.desktop) and every backup live outside the program folder and are never
;   touched, not even with "remove everything";
; - WebView2, which the window needs, is checked in the registry; when it is missing, a standalone
;   WebView2 installer placed beside this one is run, else the person is told in Chinese what to bring.

; A 64-bit installer for a 64-bit program (Debian's NSIS has the amd64-unicode stubs); it also runs
; under wine64 for the packaging test.
Target amd64-unicode
ManifestDPIAware true

!ifndef SRC
  !error "usage: makensis -DSRC=<folder> -DVERSION=<x.y.z> -DOUT=<installer.exe> -DICON=<icon.ico> shelian.nsi"
!endif
!ifndef VERSION
  !error "VERSION is missing"
!endif
!ifndef OUT
  !error "OUT is missing"
!endif
!ifndef ICON
  !error "ICON is missing"
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define NAME "社联会管家"
!define ID "cn.shelian.desktop"
!define EXE "shelian.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${ID}"
!define WV2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
; Microsoft's standalone runtime installer (works offline), and its online bootstrapper.
!define WV2_OFFLINE "MicrosoftEdgeWebView2RuntimeInstallerX64.exe"
!define WV2_BOOTSTRAP "MicrosoftEdgeWebview2Setup.exe"

Name "${NAME}"
OutFile "${OUT}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${NAME}"
InstallDirRegKey HKCU "Software\${ID}" "InstallDir"
SetCompressor /SOLID lzma
BrandingText "${NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${NAME} 安装程序"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${NAME}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "将在本电脑上安装 ${NAME} ${VERSION}。$\r$\n$\r$\n无需管理员权限。已有的账簿和备份不会被改动；如果已安装旧版本，将直接升级。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开 ${NAME}"
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将卸载 ${NAME} 的程序文件和快捷方式。$\r$\n账簿（books.shelian）和所有备份保存在程序文件夹之外，不会被删除。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

; The installed WebView2 version in $0, or "" when there is none (Microsoft's documented check).
!macro WebView2Version
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WV2_CLIENT}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKLM "SOFTWARE\${WV2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WV2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
!macroend

Function EnsureWebView2
  !insertmacro WebView2Version
  ${If} $0 != ""
    DetailPrint "WebView2 运行时已安装（版本 $0）"
    Return
  ${EndIf}
  ${If} ${FileExists} "$EXEDIR\${WV2_OFFLINE}"
    DetailPrint "正在安装 WebView2 运行时……"
    ExecWait '"$EXEDIR\${WV2_OFFLINE}" /silent /install' $1
  ${ElseIf} ${FileExists} "$EXEDIR\${WV2_BOOTSTRAP}"
    DetailPrint "正在联网安装 WebView2 运行时……"
    ExecWait '"$EXEDIR\${WV2_BOOTSTRAP}" /silent /install' $1
  ${Else}
    MessageBox MB_OK|MB_ICONEXCLAMATION "这台电脑还没有安装 Microsoft Edge WebView2 运行时，${NAME} 需要它才能打开窗口。$\r$\n$\r$\n请在能上网的电脑上，从微软官网下载“WebView2 运行时 独立安装程序 x64”（文件名 ${WV2_OFFLINE}），复制到U盘上与本安装程序放在同一个文件夹，然后再运行一次本安装程序。$\r$\n$\r$\n程序文件已经装好；装上 WebView2 后即可使用。" /SD IDOK
    Return
  ${EndIf}
  !insertmacro WebView2Version
  ${If} $0 == ""
    MessageBox MB_OK|MB_ICONEXCLAMATION "WebView2 运行时没有安装成功（返回值 $1）。请以同一U盘上的 ${WV2_OFFLINE} 手动安装，或请信息科协助。" /SD IDOK
  ${EndIf}
FunctionEnd

Section "install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; Upgrade in place over the same folder. A running copy keeps its loader DLL mapped, which
  ; denies opening it for writing: ask to close the program first instead of failing half-way.
retry:
  ${If} ${FileExists} "$INSTDIR\WebView2Loader.dll"
    ClearErrors
    FileOpen $1 "$INSTDIR\WebView2Loader.dll" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${NAME} 正在运行。请先关闭它，再点“重试”。" /SD IDCANCEL IDRETRY retry
      Abort
    ${EndIf}
    FileClose $1
  ${EndIf}
  File "${SRC}\${EXE}"
  File "${SRC}\WebView2Loader.dll"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateDirectory "$SMPROGRAMS\${NAME}"
  CreateShortcut "$SMPROGRAMS\${NAME}\${NAME}.lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$SMPROGRAMS\${NAME}\卸载 ${NAME}.lnk" "$INSTDIR\uninstall.exe"
  CreateShortcut "$DESKTOP\${NAME}.lnk" "$INSTDIR\${EXE}"

  WriteRegStr HKCU "Software\${ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1

  Call EnsureWebView2
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; Only what the installer laid down, file by file: never RMDir /r, so nothing a person put in the
  ; folder is lost, and the books and backups (under %APPDATA%, not here) are not even looked at.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${NAME}\${NAME}.lnk"
  Delete "$SMPROGRAMS\${NAME}\卸载 ${NAME}.lnk"
  RMDir "$SMPROGRAMS\${NAME}"
  Delete "$DESKTOP\${NAME}.lnk"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "Software\${ID}"
SectionEnd
