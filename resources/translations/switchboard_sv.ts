<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Console</name>
    <message>
        <location filename="../../app/console.py" line="48" />
        <source>Loading directory…</source>
        <translation>Läser in katalogen…</translation>
    </message>
    <message>
        <location filename="../../app/console.py" line="77" />
        <source>The directory could not be opened: %1</source>
        <translation>Katalogen kunde inte öppnas: %1</translation>
    </message>
    <message>
        <location filename="../../app/console.py" line="79" />
        <source>No directory</source>
        <translation>Ingen katalog</translation>
    </message>
    <message>
        <location filename="../../app/console.py" line="142" />
        <source>Loading the demo directory…</source>
        <translation>Läser in demokatalogen…</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="39" />
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="53" />
        <source>Work</source>
        <translation>Arbete</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="53" />
        <source>Switchboard</source>
        <translation>Växel</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="54" />
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="54" />
        <source>DECT</source>
        <translation>DECT</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="55" />
        <source>Pager</source>
        <translation>Personsökare</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="55" />
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="55" />
        <source>Other</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="63" />
        <source>No one selected</source>
        <translation>Ingen vald</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="64" />
        <source>Type a name, unit, title or number to search.</source>
        <translation>Skriv ett namn, en enhet, en titel eller ett nummer för att söka.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="77" />
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="78" />
        <source>Location</source>
        <translation>Plats</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="78" />
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="79" />
        <source>Keywords</source>
        <translation>Nyckelord</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="80" />
        <source>About</source>
        <translation>Om</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="67" />
        <source>Switchboard</source>
        <translation>Växel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>Search name, unit, title or number…</source>
        <translation>Sök namn, enhet, titel eller nummer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>No directory is configured on this computer. Import one with 'switchboard directory import FILE', configure a source, or try the demo.</source>
        <translation>Ingen katalog är konfigurerad på den här datorn. Importera en med 'switchboard directory import FIL', konfigurera en källa eller prova demon.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>Open the demo</source>
        <translation>Öppna demon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149" />
        <source>Demo organisation: fictional people and numbers, not your data.</source>
        <translation>Demoorganisation: påhittade personer och nummer, inte era uppgifter.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="153" />
        <source>Configuration problems: %n (see 'switchboard config check')</source>
        <translation><numerusform>Konfigurationsproblem: %n (se 'switchboard config check')</numerusform><numerusform>Konfigurationsproblem: %n (se 'switchboard config check')</numerusform></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/results_model.py" line="40" />
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="40" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="40" />
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="40" />
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="40" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="14" />
        <source>Any letter or digit</source>
        <translation>Valfri bokstav eller siffra</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="14" />
        <source>Search (the search field receives typing from anywhere)</source>
        <translation>Sök (sökfältet tar emot inmatning var du än skriver)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="15" />
        <source>Go to the search field and select its text</source>
        <translation>Gå till sökfältet och markera texten</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="16" />
        <source>Up / Down, Page Up / Page Down</source>
        <translation>Upp / Ned, Page Up / Page Down</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="16" />
        <source>Move through the results while typing</source>
        <translation>Flytta i träfflistan medan du skriver</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="17" />
        <source>Use the selected entry</source>
        <translation>Använd den valda posten</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="18" />
        <source>Clear the search; press again to return to the search field</source>
        <translation>Töm sökningen; tryck igen för att gå tillbaka till sökfältet</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="19" />
        <source>Show these shortcuts</source>
        <translation>Visa de här kortkommandona</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="26" />
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="29" />
        <source>Key</source>
        <translation>Tangent</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="29" />
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <location filename="../../ui/status_text.py" line="35" />
        <source>%1 until %2</source>
        <translation>%1 till %2</translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="39" />
        <source>No directory</source>
        <translation>Ingen katalog</translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="42" />
        <source>Demo directory</source>
        <translation>Demokatalog</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="43" />
        <source>%1 · %n entries</source>
        <translation><numerusform>%1 · %n post</numerusform><numerusform>%1 · %n poster</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="50" />
        <source>updated just now</source>
        <translation>uppdaterad nyss</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="52" />
        <source>updated %n minute(s) ago</source>
        <translation><numerusform>uppdaterad för %n minut sedan</numerusform><numerusform>uppdaterad för %n minuter sedan</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="54" />
        <source>updated %n hour(s) ago</source>
        <translation><numerusform>uppdaterad för %n timme sedan</numerusform><numerusform>uppdaterad för %n timmar sedan</numerusform></translation>
    </message>
</context>
</TS>