; Inno Setup 6 script: the Windows installer of the one-folder build (dist\grant-assistant, made by
; resources\packaging\grant-assistant.spec). Compile after the build, from the checkout's top folder:
;
;   iscc /DAppVersion=0.1.0 resources\packaging\grant-assistant.iss     -> dist\grant-assistant-0.1.0-windows-setup.exe
;
; Saved as UTF-8 with a byte-order mark, as Inno Setup wants for the Chinese names below.
; (.github/workflows/build.yml does both.) NOT YET RUN: written on Linux, where Inno Setup does not run;
; tests/packaging/test_packaging_files.py checks what can be checked without it.
;
; - Per user, without administrator rights (PrivilegesRequired=lowest): the program goes to
;   %LOCALAPPDATA%\Programs\Grant Assistant, the Start-menu entry and the file association to the
;   user's own registry (HKA = HKEY_CURRENT_USER here).
; - Draft files are JSON (`"format": "grant-draft/1"`, saved as *.json; the format has no extension of its
;   own, and Windows associates by the last extension only). The installer does not take .json away from
;   whatever opens it today: it adds "Grant assistant" to the .json files' "Open with" list, which runs
;   `grant-assistant-gui.exe --open FILE` (the draft imported as a new draft and opened).
; - Submission packages (the ZIP that `package` writes) are not associated: the program does not open
;   them, and .zip stays with the file manager.
; - The licences of what the program bundles are in {app}\_internal\licenses (THIRD-PARTY.txt).
; - Uninstalling removes the program and these entries, never the user's data folder
;   (%APPDATA%\grant-assistant: drafts, backups, logs) nor the settings.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Grant Assistant"
#define AppExe "grant-assistant-gui.exe"
#define ProgId "GrantAssistant.Draft"

[Setup]
AppId={{3F54B256-03C4-4F90-83EF-F768E1171093}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=grant-assistant
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
SourceDir=..\..
OutputDir=dist
OutputBaseFilename=grant-assistant-{#AppVersion}-windows-setup
SetupIconFile=resources\packaging\grant-assistant.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "dist\grant-assistant\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName} 研发设备补助申报助手"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName} 研发设备补助申报助手"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Grant assistant draft (grant-draft/1)"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --open ""%1"""
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
