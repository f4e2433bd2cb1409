<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>Console</name>
    <message>
        <location filename="../../app/console.py" line="48" />
        <source>Loading directory…</source>
        <translation>Laster inn katalogen…</translation>
    </message>
    <message>
        <location filename="../../app/console.py" line="77" />
        <source>The directory could not be opened: %1</source>
        <translation>Katalogen kunne ikke åpnes: %1</translation>
    </message>
    <message>
        <location filename="../../app/console.py" line="79" />
        <source>No directory</source>
        <translation>Ingen katalog</translation>
    </message>
    <message>
        <location filename="../../app/console.py" line="142" />
        <source>Loading the demo directory…</source>
        <translation>Laster inn demokatalogen…</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="39" />
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="53" />
        <source>Work</source>
        <translation>Arbeid</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="53" />
        <source>Switchboard</source>
        <translation>Sentralbord</translation>
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
        <translation>Personsøker</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="55" />
        <source>Fax</source>
        <translation>Faks</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="55" />
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="63" />
        <source>No one selected</source>
        <translation>Ingen valgt</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="64" />
        <source>Type a name, unit, title or number to search.</source>
        <translation>Skriv et navn, en enhet, en tittel eller et nummer for å søke.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="77" />
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="78" />
        <source>Location</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="78" />
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="79" />
        <source>Keywords</source>
        <translation>Nøkkelord</translation>
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
        <translation>Sentralbord</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>Search name, unit, title or number…</source>
        <translation>Søk navn, enhet, tittel eller nummer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>No directory is configured on this computer. Import one with 'switchboard directory import FILE', configure a source, or try the demo.</source>
        <translation>Ingen katalog er konfigurert på denne datamaskinen. Importer en med 'switchboard directory import FIL', konfigurer en kilde eller prøv demoen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>Open the demo</source>
        <translation>Åpne demoen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149" />
        <source>Demo organisation: fictional people and numbers, not your data.</source>
        <translation>Demoorganisasjon: oppdiktede personer og numre, ikke deres data.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="153" />
        <source>Configuration problems: %n (see 'switchboard config check')</source>
        <translation><numerusform>Konfigurasjonsproblemer: %n (se 'switchboard config check')</numerusform><numerusform>Konfigurasjonsproblemer: %n (se 'switchboard config check')</numerusform></translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/results_model.py" line="40" />
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="40" />
        <source>Title</source>
        <translation>Tittel</translation>
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
        <translation>Hvilken som helst bokstav eller siffer</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="14" />
        <source>Search (the search field receives typing from anywhere)</source>
        <translation>Søk (søkefeltet tar imot skriving uansett hvor du er)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="15" />
        <source>Go to the search field and select its text</source>
        <translation>Gå til søkefeltet og merk teksten</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="16" />
        <source>Up / Down, Page Up / Page Down</source>
        <translation>Opp / Ned, Page Up / Page Down</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="16" />
        <source>Move through the results while typing</source>
        <translation>Flytt i treffene mens du skriver</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="17" />
        <source>Use the selected entry</source>
        <translation>Bruk den valgte oppføringen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="18" />
        <source>Clear the search; press again to return to the search field</source>
        <translation>Tøm søket; trykk igjen for å gå tilbake til søkefeltet</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="19" />
        <source>Show these shortcuts</source>
        <translation>Vis disse hurtigtastene</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="26" />
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="29" />
        <source>Key</source>
        <translation>Tast</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="29" />
        <source>Action</source>
        <translation>Handling</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <location filename="../../ui/status_text.py" line="35" />
        <source>%1 until %2</source>
        <translation>%1 til %2</translation>
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
        <translation><numerusform>%1 · %n oppføring</numerusform><numerusform>%1 · %n oppføringer</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="50" />
        <source>updated just now</source>
        <translation>oppdatert nå nettopp</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="52" />
        <source>updated %n minute(s) ago</source>
        <translation><numerusform>oppdatert for %n minutt siden</numerusform><numerusform>oppdatert for %n minutter siden</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="54" />
        <source>updated %n hour(s) ago</source>
        <translation><numerusform>oppdatert for %n time siden</numerusform><numerusform>oppdatert for %n timer siden</numerusform></translation>
    </message>
</context>
</TS>