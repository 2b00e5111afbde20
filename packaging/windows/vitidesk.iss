; Inno Setup script for VitiDesk on Windows: a per-user install (no administrator rights),
; a Start menu entry, and an uninstaller that keeps the person's data unless they ask.
;
; Build the bundle first (python packaging\build.py), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\vitidesk.iss
; The installer is written to dist\VitiDesk-<version>-setup.exe.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "VitiDesk"
#define AppExe "vitidesk.exe"
; Where platformdirs puts the data, demo profile (Cache) and logs (Logs) on Windows.
#define DataFolder "{localappdata}\vitidesk"

[Setup]
AppId={{6F1C3A52-8E0B-4D57-9A53-2B1E7C4D9F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The VitiDesk developers
AppComments=Private lessons, photo comparison and wellbeing questionnaires for vitiligo
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=VitiDesk-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\vitidesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\vitidesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Vitiligo lessons, photos and wellbeing"
Name: "{autoprograms}\{#AppName} demo"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; Comment: "VitiDesk with sample data, for showing the app"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The program files always go. The person's photos and answers stay unless they say
// otherwise; a silent uninstall never deletes them.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    Folder := ExpandConstant('{#DataFolder}');
    if DirExists(Folder) then
      if SuppressibleMsgBox(
        'VitiDesk has been removed.' + #13#10 + #13#10 +
        'Your photos, questionnaire answers and settings are still on this computer in:' +
        #13#10 + Folder + #13#10 + #13#10 +
        'Delete them too? This cannot be undone. Choose No to keep them.',
        mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
        DelTree(Folder, True, True, True);
  end;
end;
