<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="240"/>
        <source>LearnPage</source>
        <comment>Learn</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="241"/>
        <source>LearnPage</source>
        <comment>The lessons could not be loaded: {0}</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/sections.py" line="55"/>
        <source>Sections</source>
        <comment>Learn</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/sections.py" line="56"/>
        <source>Sections</source>
        <comment>Photos</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/sections.py" line="57"/>
        <source>Sections</source>
        <comment>Wellbeing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/sections.py" line="58"/>
        <source>Sections</source>
        <comment>Report</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/sections.py" line="59"/>
        <source>Sections</source>
        <comment>Settings and About</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="25"/>
        <source>CaptureGuide</source>
        <comment>Same soft light: the same lamp or window, at the same time of day.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="26"/>
        <source>CaptureGuide</source>
        <comment>Same camera, no zoom, no filters. Hold it straight, facing the skin.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="27"/>
        <source>CaptureGuide</source>
        <comment>A small ruler or sticker near the patch, not on it, shows its size.</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="28"/>
        <source>CaptureGuide</source>
        <comment>Mark UV lamp photos as UV. Compare UV only with UV.</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="24"/>
        <source>A private companion for people with vitiligo and their clinicians: lessons, photo comparison and wellbeing questionnaires.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="42"/>
        <source>About VitiDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="49"/>
        <source>VitiDesk logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="51"/>
        <source>VitiDesk {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="54"/>
        <source>Medical disclaimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="59"/>
        <source>Your data folder: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="60"/>
        <source>Licence: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AudienceWindow</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="151"/>
        <source>VitiDesk presentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="160"/>
        <source>Step indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="184"/>
        <source>Blank screen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureGuideDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="55"/>
        <source>Taking consistent photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="59"/>
        <source>Photo guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="64"/>
        <source>Save as PDF to print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="72"/>
        <source>Save the photo guide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareCanvas</name>
    <message>
        <location filename="../../src/vitidesk/ui/compare/canvas.py" line="69"/>
        <source>Photo comparison</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareLegend</name>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="95"/>
        <source>Colour key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="109"/>
        <source>Overlay: {1} see-through on {0} (slider above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="113"/>
        <source>Black: looks the same on both dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="117"/>
        <source>Bright: looks different (a patch or the light changed, or the photos are not lined up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="124"/>
        <source>Pink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="124"/>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="125"/>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="125"/>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="128"/>
        <source>{0}: counted as a light patch, {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="134"/>
        <source>Yellow dashed box: the area measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="136"/>
        <source>Yellow dashed outline: the area measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="142"/>
        <source>White +: your marks inside a patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/legend.py" line="144"/>
        <source>Black −: your marks on normal skin</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="69"/>
        <source>Compare photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="98"/>
        <source>Alignment and estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="110"/>
        <source>◀ Back to photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="115"/>
        <source>&amp;Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="115"/>
        <source>&amp;After:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="145"/>
        <source>Overlay opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="150"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="150"/>
        <source>Fit to the window (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="151"/>
        <source>100%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="151"/>
        <source>Actual pixels (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="158"/>
        <source>Zoom linked (L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="161"/>
        <source>Unlink to move each photo on its own, for photos not aligned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="267"/>
        <source>One photo was taken under UV light and the other in normal light. Compare like with like: the patches look very different under UV.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="272"/>
        <source>These photos are of different body sites.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="274"/>
        <source>The &apos;before&apos; photo is newer than the &apos;after&apos; photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="308"/>
        <source>Aligning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="328"/>
        <source>VitiDesk could not line these photos up by itself. Use “Pick matching points” and click the same 2 or 3 spots on each photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="357"/>
        <source>Click at least 2 matching points on each photo first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="372"/>
        <source>Set the scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/compare_view.py" line="373"/>
        <source>Length between the two points, in cm:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrisisContacts</name>
    <message>
        <location filename="../../src/vitidesk/ui/widgets/crisis_contacts.py" line="28"/>
        <source>Crisis phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/widgets/crisis_contacts.py" line="49"/>
        <source>Your saved number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/widgets/crisis_contacts.py" line="54"/>
        <source>Not in {0}? Change where you live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/widgets/crisis_contacts.py" line="61"/>
        <source>Call your local emergency number, or a crisis line where you live. You can save your clinic&apos;s or a local helpline&apos;s number here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/widgets/crisis_contacts.py" line="66"/>
        <source>Change where you live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/widgets/crisis_contacts.py" line="80"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/widgets/crisis_contacts.py" line="88"/>
        <source>Where do you live? Choose, and the right numbers show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/widgets/crisis_contacts.py" line="93"/>
        <source>Somewhere else</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataCard</name>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="45"/>
        <source>Take your answers to another program, or keep a full backup (photos too) that you can restore on this or another computer. Files are saved only where you choose, and they are not encrypted: keep them somewhere private.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="53"/>
        <source>Answers as a spreadsheet (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="54"/>
        <source>Answers as a health record (FHIR)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="55"/>
        <source>Back up everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="56"/>
        <source>Restore from a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="80"/>
        <source>That did not work: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="84"/>
        <source>VitiDesk is still busy adding photos or making a backup. Try again soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="92"/>
        <source>VitiDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="116"/>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="120"/>
        <source>Export answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="135"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="196"/>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="201"/>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="207"/>
        <source>Restoring your data and photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="132"/>
        <source>{0} answers exported to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="143"/>
        <source>Back up VitiDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="160"/>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="161"/>
        <source>Backing up your data and photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="166"/>
        <source>Backup saved: {0} ({1} files, {2:.1f} MB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="170"/>
        <source>Left out (damaged or missing): {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="180"/>
        <source>Restore from a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="208"/>
        <source>Restoring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="240"/>
        <source>VitiDesk cannot open your data: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="244"/>
        <source>Your data are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="248"/>
        <source> Your previous data are kept in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/data_card.py" line="252"/>
        <source>Restored {0} files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="23"/>
        <source>Change the date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="25"/>
        <source>&amp;Date this photo was taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="27"/>
        <source>Date taken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../src/vitidesk/ui/demo_actions.py" line="24"/>
        <source>Reset the demo?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/demo_actions.py" line="25"/>
        <source>This puts the demo profile back to its sample data. Anything added during the demo is removed. Your own data are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/demo_actions.py" line="47"/>
        <source>Reset the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/demo_actions.py" line="48"/>
        <source>VitiDesk is still busy adding photos or making a backup. Try again soon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DiaryCard</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="18"/>
        <source>Vitiligo and me: a weekly diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="22"/>
        <source>How much did your vitiligo affect your life this week? 0 means not at all, 10 means very much. This is VitiDesk&apos;s own diary question to help you notice changes. It is not a validated questionnaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="29"/>
        <source>&amp;This week:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="35"/>
        <source>How much vitiligo affected this week, 0 to 10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="47"/>
        <source>A note, if you like</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="48"/>
        <source>Diary note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="49"/>
        <source>Save to diary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="55"/>
        <source>Recent diary entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="63"/>
        <source>No diary entries yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/diary_card.py" line="70"/>
        <source>Recent:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Disclaimer</name>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="14"/>
        <source>VitiDesk is educational. It is not a substitute for advice from your clinician. It does not diagnose, and it does not tell you to start, stop or change any medicine. Questionnaire results are screening results, not a diagnosis, and photo estimates are estimates, not a verdict. Talk to your doctor about your own care.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/about_dialog.py" line="32"/>
        <source>Private by design: VitiDesk never connects to the internet. Your photos and answers stay in a folder on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DueBanner</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="46"/>
        <source>Reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="48"/>
        <source>Answer now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="76"/>
        <source>A wellbeing check-in is due. It takes a few minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="79"/>
        <source>A wellbeing check-in is due. You last answered on {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GetHelpDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/help_dialog.py" line="21"/>
        <location filename="../../src/vitidesk/ui/help_dialog.py" line="22"/>
        <source>Get help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/help_dialog.py" line="64"/>
        <source>Crisis contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/help_dialog.py" line="33"/>
        <source>If you are struggling, you do not have to cope alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/help_dialog.py" line="39"/>
        <source>VitiDesk works offline. It does not send anything to anyone, and no one is alerted. Please reach out yourself:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/help_dialog.py" line="47"/>
        <source>Numbers to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/help_dialog.py" line="54"/>
        <source>You can also talk to your GP, your dermatologist or a mental-health clinician, and tell someone you trust how you feel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/help_dialog.py" line="60"/>
        <source>Numbers last checked: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="39"/>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="42"/>
        <source>&amp;Search words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="44"/>
        <source>Type a word, such as melanocyte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="45"/>
        <source>Search the glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="49"/>
        <source>Glossary terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="75"/>
        <source>Also called: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="83"/>
        <source>No word matches “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="44"/>
        <source>{0} history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="48"/>
        <source>{0}: your history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="78"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="79"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="80"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="81"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="82"/>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="171"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="85"/>
        <source>Answers so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="106"/>
        <source>No answers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="111"/>
        <source>Answer the {0} once, and your results will show here over time. It takes about two minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="119"/>
        <source>Answer the {0} now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="134"/>
        <source>Item 9: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="55"/>
        <source>Back to Wellbeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="57"/>
        <source>Edit note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="59"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="172"/>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="186"/>
        <source>Delete these answers?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/history.py" line="187"/>
        <source>The answers from this date will be removed for good.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportOptionsDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="52"/>
        <source>Add {0} photo(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="56"/>
        <source>Body site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="61"/>
        <source>&amp;Body site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="64"/>
        <source>Normal light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="66"/>
        <source>UV light (Wood&apos;s lamp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="70"/>
        <source>Light:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="71"/>
        <source>Set the date myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="73"/>
        <source>Otherwise VitiDesk uses the date the camera saved, or the file&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="75"/>
        <source>Date taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="82"/>
        <source>VitiDesk keeps a private copy of each photo on this computer, without location or camera details. Your original files are not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="89"/>
        <source>How to take consistent photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="96"/>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="165"/>
        <source>Photos added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="174"/>
        <source>{0} added, {1} already in your library, {2} could not be added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="182"/>
        <source>Details for each file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="187"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="187"/>
        <source>Not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="189"/>
        <source>&lt;p&gt;Every file was added.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="194"/>
        <source>Add the skipped ones anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnPage</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="59"/>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="89"/>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="95"/>
        <source>How vitiligo works, and how JAK-inhibitor treatment steps in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="99"/>
        <source>Glossary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="101"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="103"/>
        <source>Present (F11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="104"/>
        <source>Full-screen presenter mode for consultations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="113"/>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="154"/>
        <source>Position in the lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="132"/>
        <source>Pathway diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="72"/>
        <source>Lessons last reviewed {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="167"/>
        <source>Show the JAK-inhibitor cream at work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="168"/>
        <source>JAK inhibitor on or off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="172"/>
        <source>Point at any part of the picture, or use the arrow keys, to see what it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="175"/>
        <source>What this part is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="146"/>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="147"/>
        <source>Previous step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="149"/>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/page.py" line="150"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LessonNavigator</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/navigator.py" line="48"/>
        <source>Lesson {0} of {1} · Step {2} of {3}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/vitidesk/ui/main_window.py" line="87"/>
        <source>VitiDesk — Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/main_window.py" line="98"/>
        <source>Demo profile: sample data only, for showing VitiDesk. Your own data are not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/main_window.py" line="102"/>
        <source>Demo mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/main_window.py" line="104"/>
        <source>Reset demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/main_window.py" line="116"/>
        <source>Not medical advice: read the disclaimer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasurePanel</name>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="103"/>
        <source>Line the photos up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="111"/>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="251"/>
        <source>Not aligned yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="114"/>
        <source>Align automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="116"/>
        <source>Pick matching points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="119"/>
        <source>In side-by-side mode, click the same 2 or 3 spots on each photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="122"/>
        <source>Use these points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="125"/>
        <source>Undo alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="136"/>
        <source>Estimate the change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="164"/>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="278"/>
        <source>Draw a region around a patch, or measure the whole photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="166"/>
        <source>Result of the estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="74"/>
        <source>1 Line up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="74"/>
        <source>Line the two photos up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="75"/>
        <source>2 Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="75"/>
        <source>Estimate the change in a region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="107"/>
        <source>Then the same skin is measured on both dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="112"/>
        <source>Alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="129"/>
        <source>Next: estimate the change ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="138"/>
        <source>Drag a box around the patch on either photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="138"/>
        <source>Box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="141"/>
        <source>Outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="141"/>
        <source>Drag around the patch to draw its outline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="143"/>
        <source>Whole photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="144"/>
        <source>Measure all the skin in the photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="148"/>
        <source>+ Patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="149"/>
        <source>Click or paint inside a patch (on either photo, side by side)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="153"/>
        <source>− Skin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="153"/>
        <source>Click or paint on normal skin next to the patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="155"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="156"/>
        <source>Remove your marks and go back to the first guess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="159"/>
        <source>Set the scale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="160"/>
        <source>Click both ends of a ruler or coin on the &apos;before&apos; photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="171"/>
        <source>About the estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="174"/>
        <source>&amp;Sensitivity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="179"/>
        <source>Sensitivity of the estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="181"/>
        <source>Right counts more skin as patch; left counts only the clearest patches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="188"/>
        <source>Show what is counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="245"/>
        <source>Points: {0} on the before photo, {1} on the after photo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="254"/>
        <source>Aligned: turned {0:.1f}°, sized ×{1:.2f}, moved {2:.0f}, {3:.0f} px.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="299"/>
        <source>The two points are too close together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="302"/>
        <source>Scale set: {0:.0f} pixels per cm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="345"/>
        <source>Estimating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="447"/>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="447"/>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="452"/>
        <source>Draw a region on skin (Box or Outline), then measure again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="459"/>
        <source>One photo was taken under UV light and the other in normal light: their numbers are not compared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="467"/>
        <source>A first guess: mark a patch (+) and normal skin (−) to refine it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="478"/>
        <source>in the region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="478"/>
        <source>in the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="479"/>
        <source>{0} ({1}): {2} {3}, so nothing was measured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="482"/>
        <source>of the skin in the region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="482"/>
        <source>of the skin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="483"/>
        <source>{0} ({1}): about {2} {3} counted as patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="487"/>
        <source>, about {0:.1f} cm²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="489"/>
        <source> (UV photo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/compare/measure_panel.py" line="470"/>
        <source>(Whole photo. Draw a region around one patch to focus.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathwayScene</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/pathway_scene.py" line="150"/>
        <source>Top layer of skin (epidermis)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/pathway_scene.py" line="151"/>
        <source>Deeper skin (dermis)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotosPage</name>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="62"/>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="92"/>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="82"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="97"/>
        <source>Your skin photos by body site and date. They stay on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="102"/>
        <source>Photo guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="103"/>
        <source>How to take photos the same way each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="105"/>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="319"/>
        <source>Add photos…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="108"/>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="214"/>
        <source>Add photos from files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="110"/>
        <source>Compare…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="112"/>
        <source>See two dates side by side, with swipe, overlay and an estimate of change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="126"/>
        <source>Body sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="132"/>
        <source>New body site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="141"/>
        <source>Photo timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="170"/>
        <source>Date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="171"/>
        <source>Move…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="172"/>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="505"/>
        <source>Name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="173"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="174"/>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="510"/>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="181"/>
        <source>Change the date of the selected photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="182"/>
        <source>Move the selected photo to another body site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="183"/>
        <source>Give the selected photo a short name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="184"/>
        <source>Switch between normal light and UV (Wood&apos;s lamp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="185"/>
        <source>Delete the selected photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="210"/>
        <source>Choose photos from your phone or camera, or drag them here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="212"/>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="319"/>
        <source>Add a first photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="225"/>
        <source>Getting started with photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="230"/>
        <source>Take each photo the same way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="232"/>
        <source>Read the whole photo guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="271"/>
        <source>All photos ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="314"/>
        <source>No photos yet: add a first photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="317"/>
        <source>No photos of {0} yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="360"/>
        <source>Add at least two photos to compare them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="379"/>
        <source>New body site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="379"/>
        <source>Name, such as &apos;left knee&apos;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="392"/>
        <source>Rename body site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="397"/>
        <source>Rename body site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="397"/>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="444"/>
        <source>Adding {0} photo(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="448"/>
        <source>VitiDesk is still busy adding photos or making a backup. Try again soon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="456"/>
        <source>Adding photos: {0} of {1} done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="461"/>
        <source>The photos could not be added: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="466"/>
        <source>{0} of {1} photo(s) added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="493"/>
        <source>Mark as normal light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="493"/>
        <source>Mark as UV light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="497"/>
        <source>Change date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/page.py" line="501"/>
        <source>Move to body site…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presentation</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter.py" line="140"/>
        <source>Save this step for the patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter.py" line="142"/>
        <source>PDF document (*.pdf);;PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter.py" line="156"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PresenterConsole</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="228"/>
        <source>VitiDesk presenter console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="240"/>
        <source>Presenter notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="243"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="276"/>
        <source>(No notes for this step.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="279"/>
        <source>Next: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="279"/>
        <source>Last step.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <location filename="../../src/vitidesk/ui/photos/capture_guide.py" line="24"/>
        <source>CaptureGuide</source>
        <comment>Same spot, same plain dark background, same distance.</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionnaireForm</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="67"/>
        <source>Support if you are struggling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="83"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="93"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="101"/>
        <source>Question and answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="103"/>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="134"/>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="105"/>
        <source>Finish later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="106"/>
        <source>Your answers so far are kept as a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="108"/>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="120"/>
        <source>Check your answers before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="124"/>
        <source>Your answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="125"/>
        <source>&amp;Note (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="128"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="129"/>
        <source>For example, what made this week hard or good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="136"/>
        <source>Save answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="167"/>
        <source>Question {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="265"/>
        <source>not answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="273"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/form.py" line="274"/>
        <source>Change answer {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferencesDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="93"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="98"/>
        <source>Every number and claim in the lessons comes from these sources. Lessons last reviewed: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/library_dialogs.py" line="106"/>
        <source>Reference list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderCard</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="92"/>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="96"/>
        <source>VitiDesk can remind you to check in. It shows a note in the app when a check-in is due, and you can add the reminder to your own calendar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="102"/>
        <source>&amp;How often:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="104"/>
        <source>How often to be reminded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="109"/>
        <source>Add to my calendar (.ics)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="129"/>
        <source>Next check-in: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="143"/>
        <source>Save calendar reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/reminder.py" line="155"/>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="71"/>
        <location filename="../../src/vitidesk/ui/report/page.py" line="78"/>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="83"/>
        <source>A printable summary for your dermatologist. You choose what goes in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="102"/>
        <source>Report options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="107"/>
        <source>Choose what to include, then press Preview to see the pages here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="116"/>
        <source>Report preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="125"/>
        <source>What to include</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="128"/>
        <source>Optional, for the cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="129"/>
        <source>Name on the cover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="130"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="131"/>
        <source>Only from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="132"/>
        <source>Start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="138"/>
        <source>Paper size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="143"/>
        <source>Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="145"/>
        <source>Photos and estimates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="147"/>
        <source>Wellbeing questionnaires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="165"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="167"/>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="169"/>
        <source>Save the report as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="176"/>
        <source>The report is made on this computer and saved only where you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="265"/>
        <source>Estimating the photos: {0} of {1} body sites…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="270"/>
        <source>Preparing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="278"/>
        <source>That did not work: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="291"/>
        <source>Page {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="297"/>
        <source>{0} page(s). Check them, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="329"/>
        <source>Save the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/report/page.py" line="357"/>
        <source>Saved: {0} ({1} pages)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="34"/>
        <source>Your result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="43"/>
        <source>Your score: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="44"/>
        <source>Result: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="53"/>
        <source>Your answers suggest it would help to talk with your GP, dermatologist or a mental-health clinician. You can bring this result to your next visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="60"/>
        <source>Support is there for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="63"/>
        <source>You said you have had thoughts of being better off dead or of hurting yourself. No one has been alerted. Please reach out: use “Get help now” for phone numbers, or talk to someone you trust.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="68"/>
        <source>Get help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="74"/>
        <source>Back to Wellbeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="76"/>
        <source>See your history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="90"/>
        <source>Same score as last time ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="92"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="92"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="94"/>
        <source>point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="94"/>
        <source>points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/result.py" line="95"/>
        <source>{0} {1} {2} since last time ({3}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SafetyPanel</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="26"/>
        <source>Support if you are struggling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="32"/>
        <source>You said you have had thoughts that you would be better off dead, or of hurting yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="41"/>
        <source>Thank you for answering honestly. You deserve support with this. VitiDesk works offline: it does not send your answers to anyone, and no one will be alerted. Please reach out yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="50"/>
        <source>Talk to someone today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="55"/>
        <source>Or talk to your GP, your dermatologist or a mental-health clinician, and tell someone you trust how you are feeling.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="61"/>
        <source>&amp;Add my clinician&apos;s number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="63"/>
        <source>Clinician&apos;s number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="65"/>
        <source>Save number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="72"/>
        <source>Get help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="74"/>
        <source>Every number to call, and when they were last checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/safety.py" line="76"/>
        <source>Continue the questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="32"/>
        <source>Settings and About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="33"/>
        <source>Where your data are kept, help contacts for your region, and about VitiDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="52"/>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="55"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="58"/>
        <source>Open data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="60"/>
        <source>Check my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="61"/>
        <source>Verify the database and every stored file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="68"/>
        <source>Result of the data check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="74"/>
        <source>Help in a crisis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="77"/>
        <source>Choose where you live so &quot;Get help&quot; shows the right phone numbers. You can also save a local number, such as your clinic&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="85"/>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="87"/>
        <source>Somewhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="93"/>
        <source>For example, your clinic or a local helpline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="96"/>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="98"/>
        <source>&amp;Local number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="100"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="101"/>
        <source>Local number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="108"/>
        <source>Display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="111"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="112"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="113"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="116"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="120"/>
        <source>&amp;Appearance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="125"/>
        <source>Reduce motion (diagrams stay still)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="126"/>
        <source>Reduce motion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="134"/>
        <source>Demo profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="137"/>
        <source>You are using the demo profile. It holds sample data only and is kept apart from your own data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="141"/>
        <source>Reset demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="150"/>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="152"/>
        <source>VitiDesk {0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="153"/>
        <source>About VitiDesk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="155"/>
        <source>Keyboard shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="156"/>
        <source>Every shortcut in VitiDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="203"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="217"/>
        <source>All good: the database and all {0} stored files are intact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/settings/page.py" line="221"/>
        <source>Problems found:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../src/vitidesk/ui/shortcuts_dialog.py" line="21"/>
        <location filename="../../src/vitidesk/ui/shortcuts_dialog.py" line="47"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../src/vitidesk/ui/navigation.py" line="30"/>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/navigation.py" line="34"/>
        <source>{0} (Ctrl+{1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/navigation.py" line="41"/>
        <location filename="../../src/vitidesk/ui/navigation.py" line="43"/>
        <source>Get help now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/navigation.py" line="44"/>
        <source>Crisis phone numbers, if you are struggling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/navigation.py" line="47"/>
        <source>About VitiDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepText</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/step_text.py" line="31"/>
        <source>Lesson text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/trend_chart.py" line="56"/>
        <source>Trend of {0} scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/trend_chart.py" line="63"/>
        <source>{0} answers. Latest: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/trend_chart.py" line="76"/>
        <source>Total score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/trend_chart.py" line="77"/>
        <source>Score in %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/trend_chart.py" line="78"/>
        <location filename="../../src/vitidesk/ui/wellbeing/trend_chart.py" line="124"/>
        <source>Item 9 above 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/trend_chart.py" line="79"/>
        <source>No answers yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/trend_chart.py" line="120"/>
        <source>{0}: {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WellbeingPage</name>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="26"/>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="32"/>
        <source>Wellbeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="34"/>
        <source>Living with vitiligo can weigh on your mood. These short questionnaires help you keep track. Your answers stay on this computer. Each one is a screening questionnaire, not a diagnosis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="63"/>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="92"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="64"/>
        <source>Start {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="66"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="67"/>
        <source>{0} history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="85"/>
        <source>Last answered {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="89"/>
        <source>Not answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/wellbeing/page.py" line="92"/>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PresenterWindowBase</name>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="58"/>
        <source>Pathway diagram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="87"/>
        <source>Back (Left arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="88"/>
        <source>Next (Right arrow or Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="89"/>
        <source>Pointer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="89"/>
        <source>Pointer (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="90"/>
        <source>Pen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="90"/>
        <source>Draw on the diagram (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="91"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="91"/>
        <source>Undo the last line (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="92"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="92"/>
        <source>Clear the drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="94"/>
        <source>JAK inhibitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="95"/>
        <source>Cream on or off (J)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="100"/>
        <source>Blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="100"/>
        <source>Blank the screen (B)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="101"/>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="101"/>
        <source>Save this step as PDF or PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="102"/>
        <source>Exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/learn/presenter_windows.py" line="102"/>
        <source>Leave presenter mode (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../src/vitidesk/ui/photos/import_flow.py" line="42"/>
        <source>Add photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="53"/>
        <source>Move to another body site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="54"/>
        <source>Body site:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="68"/>
        <source>Name this photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="69"/>
        <source>A short note, such as &apos;left hand, back&apos;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="86"/>
        <source>Delete this photo?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/vitidesk/ui/photos/photo_actions.py" line="88"/>
        <source>The photo of {0} from {1} will be removed from VitiDesk and its private copy deleted. Your original file, if you still have it, is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
