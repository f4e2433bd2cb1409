; Inno Setup 6 script: the Switchboard bundle (dist\switchboard) as a machine-wide Windows installer.
;
; NOT BUILT OR TESTED ON THE DEVELOPMENT MACHINE (Linux): .github/workflows/windows.yml builds and
; smoke-tests it on a Windows runner. See installer/README.md for the silent install.
;
; Compile (from the repository root, after `python -m installer.build --no-deb` on Windows):
;   iscc /DAppVersion=0.1.0 installer\windows\switchboard.iss
; Silent install with a central configuration:
;   SwitchboardSetup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CONFIG="\\server\it\switchboard\config.toml"

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\switchboard"
#endif
#ifndef ConfigTemplate
  #define ConfigTemplate "..\..\dist\config.toml"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\pyinstaller\switchboard.ico"
#endif

[Setup]
; Fixed forever: upgrades find the installed copy by this id.
AppId={{6B1E3C52-8E0B-4C2F-9A57-2F5D0C8B7A11}
AppName=Switchboard
AppVersion={#AppVersion}
AppVerName=Switchboard {#AppVersion}
AppPublisher=Switchboard developers
DefaultDirName={autopf}\Switchboard
DefaultGroupName=Switchboard
DisableProgramGroupPage=yes
; Installing for all users needs admin once; running never does (the console writes only to the
; user's own folders: %LOCALAPPDATA%\switchboard\...).
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=SwitchboardSetup-{#AppVersion}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\switchboard.exe
Compression=lzma2/fast
SolidCompression=yes
WizardStyle=modern
LicenseFile=..\..\LICENSE
CloseApplications=yes

[Languages]
; Swedish is not among Inno Setup's official translations: add Swedish.isl from its website to offer it.
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "nb"; MessagesFile: "compiler:Languages\Norwegian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole bundle; files a previous version had but this one does not are removed by [InstallDelete].
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The machine-wide configuration, like a Debian conffile: the commented template only when there is no
; file yet, never removed on uninstall, so IT's edits survive upgrades and reinstalls...
Source: "{#ConfigTemplate}"; DestDir: "{commonappdata}\Switchboard"; DestName: "config.toml"; \
  Flags: onlyifdoesntexist uninsneveruninstall; Check: not HasConfigParam
; ...unless the install is given /CONFIG=path: then that file is the machine-wide configuration.
Source: "{param:CONFIG|}"; DestDir: "{commonappdata}\Switchboard"; DestName: "config.toml"; \
  Flags: external uninsneveruninstall; Check: HasConfigParam

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
Name: "{commonappdata}\Switchboard"; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\Switchboard"; Filename: "{app}\switchboard.exe"
Name: "{autodesktop}\Switchboard"; Filename: "{app}\switchboard.exe"; Tasks: desktopicon

[Run]
; ProgramData folders inherit "Users may create files": a user could then write config.toml before IT
; does and unlock what policy.locked should hold. Admins and SYSTEM write; users only read.
Filename: "{sys}\icacls.exe"; \
  Parameters: """{commonappdata}\Switchboard"" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX"; \
  Flags: runhidden waituntilterminated
Filename: "{app}\switchboard.exe"; Description: "{cm:LaunchProgram,Switchboard}"; \
  Flags: nowait postinstall skipifsilent unchecked

[Code]
function HasConfigParam: Boolean;
begin
  Result := ExpandConstant('{param:CONFIG|}') <> '';
end;

function InitializeSetup: Boolean;
begin
  Result := True;
  if HasConfigParam and not FileExists(ExpandConstant('{param:CONFIG|}')) then
  begin
    SuppressibleMsgBox('The configuration file given with /CONFIG does not exist: ' +
      ExpandConstant('{param:CONFIG|}'), mbCriticalError, MB_OK, IDOK);
    Result := False;
  end;
end;
