<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nb_NO">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="40"/>
        <source>About Switchboard</source>
        <translation>Om Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="41"/>
        <source>Switchboard %1</source>
        <translation>Switchboard %1</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="46"/>
        <source>Operator console: softphone, staff directory and referral status.</source>
        <translation>Operatørkonsoll: programvaretelefon, personalkatalog og henvisninger.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="47"/>
        <source>Switchboard is free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later). It includes the components below, each under its own licence.</source>
        <translation>Switchboard er fri programvare under GNU General Public License, versjon 3 eller senere (GPL-3.0-or-later). Den inneholder komponentene nedenfor, hver under sin egen lisens.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="50"/>
        <source>Python %1 on %2</source>
        <translation>Python %1 på %2</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="53"/>
        <source>Component</source>
        <translation>Komponent</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="53"/>
        <source>Version</source>
        <translation>Versjon</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="53"/>
        <source>Licence</source>
        <translation>Lisens</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <location filename="../../ui/announcer.py" line="28"/>
        <source>The last new caller, warning or error</source>
        <translation>Siste nye innringer, advarsel eller feil</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="29"/>
        <location filename="../../ui/announcer.py" line="58"/>
        <source>No announcements</source>
        <translation>Ingen kunngjøringer</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="62"/>
        <source>Unknown caller</source>
        <translation>Ukjent innringer</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="64"/>
        <source>Caller waiting: %1, %2</source>
        <translation>Innringer venter: %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="65"/>
        <source>Caller waiting: %1</source>
        <translation>Innringer venter: %1</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="67"/>
        <source>Emergency call: %1</source>
        <translation>Nødanrop: %1</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>Acts on the message beside it</source>
        <translation>Utfører det meldingen ved siden av foreslår</translation>
    </message>
</context>
<context>
    <name>CallLogModel</name>
    <message>
        <location filename="../../ui/call_log_model.py" line="25"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="25"/>
        <source>Caller</source>
        <translation>Innringer</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="25"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="25"/>
        <source>Dialled</source>
        <translation>Slått nummer</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="25"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="26"/>
        <source>Waited</source>
        <translation>Ventet</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="26"/>
        <source>To connect</source>
        <translation>Til satt over</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="26"/>
        <source>Transferred to</source>
        <translation>Satt over til</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="26"/>
        <source>Console</source>
        <translation>Konsoll</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="36"/>
        <source>Withheld</source>
        <translation>Skjult nummer</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="42"/>
        <source>recalled</source>
        <translation>kom tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="53"/>
        <source>handled</source>
        <translation>besvart</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="53"/>
        <source>transferred</source>
        <translation>satt over</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="54"/>
        <source>gave up waiting</source>
        <translation>la på i køen</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="54"/>
        <source>gave up on hold</source>
        <translation>la på mens parkert</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="55"/>
        <source>gave up during transfer</source>
        <translation>la på under overføring</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="55"/>
        <source>rejected</source>
        <translation>avvist</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="56"/>
        <source>outgoing</source>
        <translation>utgående</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="56"/>
        <source>answered, never connected</source>
        <translation>besvart, aldri koblet opp</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="57"/>
        <source>unanswered (ring limit)</source>
        <translation>ubesvart (ringegrense)</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="57"/>
        <source>refused: console full</source>
        <translation>avvist: konsollen full</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="69"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n samtale</numerusform>
            <numerusform>%n samtaler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="69"/>
        <source>%n answered</source>
        <translation>
            <numerusform>%n besvart</numerusform>
            <numerusform>%n besvart</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="70"/>
        <source>%n gave up</source>
        <translation>
            <numerusform>%n la på</numerusform>
            <numerusform>%n la på</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="72"/>
        <source>median wait %1</source>
        <translation>median ventetid %1</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="74"/>
        <source>median time to connect %1</source>
        <translation>median tid til satt over %1</translation>
    </message>
</context>
<context>
    <name>CallLogPanel</name>
    <message>
        <location filename="../../ui/call_log_panel.py" line="18"/>
        <source>Search the call log: name, number, transferred to…</source>
        <translation>Søk i samtaleloggen: navn, nummer, satt over til…</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_panel.py" line="18"/>
        <source>Search the call log</source>
        <translation>Søk i samtaleloggen</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_panel.py" line="19"/>
        <source>Type a name or number to find past calls</source>
        <translation>Skriv et navn eller nummer for å finne tidligere samtaler</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_panel.py" line="19"/>
        <source>Call log</source>
        <translation>Samtalelogg</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_panel.py" line="20"/>
        <source>Past calls, newest first: who, when, outcome and waiting time</source>
        <translation>Tidligere samtaler, nyeste først: hvem, når, utfall og ventetid</translation>
    </message>
</context>
<context>
    <name>CallbackFlow</name>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="177"/>
        <source>That call-back is no longer on the list</source>
        <translation>Den tilbakeringingen står ikke lenger på listen</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="182"/>
        <source>%1 is already being called back by %2</source>
        <translation>%1 blir allerede ringt tilbake av %2</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="185"/>
        <source>%1 has already been called back by %2</source>
        <translation>%1 er allerede ringt tilbake av %2</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="188"/>
        <source>%1 changed meanwhile; the list shows it as it is now</source>
        <translation>%1 ble endret i mellomtiden; listen viser slik det er nå</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="193"/>
        <source>The call-back list cannot be changed now: the shared store cannot be reached (callers who gave up are kept on this PC and saved once it is back)</source>
        <translation>Tilbakeringingslisten kan ikke endres nå: den delte databasen kan ikke nås (innringere som ga opp, tas vare på på denne PC-en og lagres når den er tilbake)</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="197"/>
        <source>The call-back list could not be saved or read: %1 (callers who gave up are kept on this console and saved later)</source>
        <translation>Tilbakeringingslisten kunne ikke lagres eller leses: %1 (innringere som la på, beholdes på denne konsollen og lagres senere)</translation>
    </message>
</context>
<context>
    <name>CallbackModel</name>
    <message>
        <location filename="../../ui/callback_model.py" line="45"/>
        <source>Caller</source>
        <translation>Innringer</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="45"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="45"/>
        <source>Dialled</source>
        <translation>Slått nummer</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="45"/>
        <source>Hung up at</source>
        <translation>La på</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="46"/>
        <source>While</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="46"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="72"/>
        <source>waiting</source>
        <translation>i kø</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="72"/>
        <location filename="../../ui/callback_model.py" line="73"/>
        <source>on hold</source>
        <translation>på vent</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="74"/>
        <source>being transferred</source>
        <translation>under viderekobling</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="81"/>
        <source>you are calling</source>
        <translation>du ringer</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="82"/>
        <source>taken by %1</source>
        <translation>tatt av %1</translation>
    </message>
</context>
<context>
    <name>CallerCard</name>
    <message>
        <location filename="../../ui/caller_card.py" line="61"/>
        <source>Current call</source>
        <translation>Gjeldende samtale</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="69"/>
        <source>Three-way call with %1</source>
        <translation>Trepartssamtale med %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="70"/>
        <source>Consulting %1</source>
        <translation>Konsulterer %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="72"/>
        <source>Transferring to %1</source>
        <translation>Setter over til %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="74"/>
        <source>Back from %1</source>
        <translation>Tilbake fra %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="75"/>
        <source>Recall</source>
        <translation>Tilbakekall</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="77"/>
        <source>Waiting in the queue</source>
        <translation>Venter i køen</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="80"/>
        <source>On hold</source>
        <translation>På vent</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="82"/>
        <location filename="../../ui/caller_card.py" line="86"/>
        <source>Ringing</source>
        <translation>Ringer</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="82"/>
        <location filename="../../ui/caller_card.py" line="90"/>
        <source>Talking</source>
        <translation>Samtale pågår</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="84"/>
        <source>Held by caller</source>
        <translation>Satt på vent av motparten</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="87"/>
        <source>Calling</source>
        <translation>Ringer opp</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="88"/>
        <source>Ringing at the other end</source>
        <translation>Det ringer hos mottakeren</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="89"/>
        <source>Connecting</source>
        <translation>Kobler til</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="91"/>
        <source>Ended</source>
        <translation>Avsluttet</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="126"/>
        <location filename="../../ui/caller_card.py" line="129"/>
        <source>No call</source>
        <translation>Ingen samtale</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="133"/>
        <source>EMERGENCY</source>
        <translation>ALARM</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="133"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="136"/>
        <source>muted</source>
        <translation>mikrofon dempet</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="139"/>
        <source>Unknown caller</source>
        <translation>Ukjent innringer</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="144"/>
        <source>dialled %1</source>
        <translation>ringte %1</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../ui/close_dialog.py" line="30"/>
        <source>Calls are still up</source>
        <translation>Samtaler pågår fortsatt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/close_dialog.py" line="31"/>
        <source>%n call(s) still up. Closing must not lose them.</source>
        <translation>
            <numerusform>%n samtale pågår. Den må ikke gå tapt når du lukker.</numerusform>
            <numerusform>%n samtaler pågår. De må ikke gå tapt når du lukker.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/close_dialog.py" line="34"/>
        <source>Hand back: waiting callers go back to the exchange, the others are transferred to %1.</source>
        <translation>Gi tilbake: ventende innringere går tilbake til sentralen, de andre settes over til %1.</translation>
    </message>
    <message>
        <location filename="../../ui/close_dialog.py" line="36"/>
        <source>&amp;Hand back to %1</source>
        <translation>&amp;Gi tilbake til %1</translation>
    </message>
    <message>
        <location filename="../../ui/close_dialog.py" line="38"/>
        <source>&amp;End all calls</source>
        <translation>&amp;Avslutt alle samtaler</translation>
    </message>
    <message>
        <location filename="../../ui/close_dialog.py" line="39"/>
        <source>&amp;Stay</source>
        <translation>&amp;Bli værende</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/referral_conflict.py" line="37"/>
        <source>Changed meanwhile: %1</source>
        <translation>Endret i mellomtiden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="39"/>
        <source>Yours: %1</source>
        <translation>Din: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="40"/>
        <source>&amp;Keep theirs</source>
        <translation>&amp;Behold den andres</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="41"/>
        <source>&amp;Overwrite with mine</source>
        <translation>&amp;Overskriv med min</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../app/lookup/console.py" line="151"/>
        <source>Building the search index…</source>
        <translation>Bygger søkeindeksen…</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="131"/>
        <source>Loading directory…</source>
        <translation>Laster inn katalogen…</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="154"/>
        <source>The directory could not be opened: %1</source>
        <translation>Katalogen kunne ikke åpnes: %1</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="156"/>
        <source>No directory</source>
        <translation>Ingen katalog</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="159"/>
        <source>Directory as last read on this PC</source>
        <translation>Katalogen slik den sist ble lest på denne PC-en</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="163"/>
        <source>Loading the demo directory…</source>
        <translation>Laster inn demokatalogen…</translation>
    </message>
</context>
<context>
    <name>DeskListModel</name>
    <message>
        <location filename="../../ui/desk_model.py" line="123"/>
        <location filename="../../ui/desk_model.py" line="131"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="123"/>
        <source>Caller</source>
        <translation>Innringer</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="123"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="124"/>
        <source>Dialled</source>
        <translation>Slått nummer</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="124"/>
        <source>Waiting</source>
        <translation>Ventet</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="125"/>
        <source>Held</source>
        <translation>På vent</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="125"/>
        <source>Note</source>
        <translation>Merknad</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="125"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="125"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="126"/>
        <source>Since</source>
        <translation>Siden</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="126"/>
        <source>Why</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="131"/>
        <source>EMERGENCY</source>
        <translation>ALARM</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="132"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="161"/>
        <source>Transferring</source>
        <translation>Kobles over</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="163"/>
        <source>Three-way call</source>
        <translation>Trepartssamtale</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="165"/>
        <source>Transfer (recall if unanswered)</source>
        <translation>Viderekobling (kommer tilbake hvis ingen svarer)</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="166"/>
        <source>Talking to target</source>
        <translation>Samtale med mottakeren</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="166"/>
        <source>Ringing</source>
        <translation>Ringer</translation>
    </message>
</context>
<context>
    <name>DeskPanels</name>
    <message>
        <location filename="../../ui/desk_panel.py" line="119"/>
        <source>Waiting calls</source>
        <translation>Ventende samtaler</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="120"/>
        <source>On hold</source>
        <translation>På vent</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="121"/>
        <source>Consultations</source>
        <translation>Forespørsler</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="122"/>
        <source>Recalls</source>
        <translation>Tilbakekomne samtaler</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="123"/>
        <source>Call back</source>
        <translation>Ring tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="164"/>
        <location filename="../../ui/desk_panel.py" line="185"/>
        <source>No calls waiting</source>
        <translation>Ingen samtaler venter</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="169"/>
        <source>Select a waiting call first</source>
        <translation>Velg en ventende samtale først</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="199"/>
        <source>No call to hold or take back</source>
        <translation>Ingen samtale å sette på vent eller ta tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="206"/>
        <location filename="../../ui/desk_panel.py" line="250"/>
        <source>No call for that</source>
        <translation>Ingen samtale for det</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="215"/>
        <source>Select a person or number in the directory first</source>
        <translation>Velg en person eller et nummer i katalogen først</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="277"/>
        <source>A caller is on hold: select a waiting call to decline it</source>
        <translation>En innringer står på vent: marker en ventende samtale for å avvise den</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="338"/>
        <source>%1 has been on hold for %2</source>
        <translation>%1 har vært på vent i %2</translation>
    </message>
</context>
<context>
    <name>DeskShortcuts</name>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="35"/>
        <source>Answer the next waiting call (emergency, priority, then longest waiting)</source>
        <translation>Svar på neste ventende samtale (alarm, prioritet, deretter lengst ventet)</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="37"/>
        <source>Answer the selected waiting call</source>
        <translation>Svar på den valgte ventende samtalen</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="38"/>
        <source>Hold the current call, or take back the selected held call or recall</source>
        <translation>Sett gjeldende samtale på vent, eller ta tilbake den valgte samtalen på vent eller den tilbakekomne samtalen</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="40"/>
        <source>Consult: call the selected directory number, caller on hold</source>
        <translation>Forespørsel: ring det valgte nummeret i katalogen, innringeren på vent</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="41"/>
        <source>Connect the caller to the consulted person</source>
        <translation>Koble innringeren til den du spurte</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="42"/>
        <source>End the consultation and go back to the caller (also after a failed one)</source>
        <translation>Avslutt forespørselen og gå tilbake til innringeren (også etter en mislykket)</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="44"/>
        <source>Switch between the caller and the consulted person</source>
        <translation>Veksle mellom innringeren og den du spurte</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="45"/>
        <source>Three-way call: the caller, the consulted person and you</source>
        <translation>Trepartssamtale: innringeren, den du spurte og du</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="46"/>
        <source>Transfer to the selected number; comes back if not answered</source>
        <translation>Koble til det valgte nummeret; kommer tilbake hvis ingen svarer</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="47"/>
        <source>Blind transfer to the selected number</source>
        <translation>Koble direkte (uten forespørsel) til det valgte nummeret</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="48"/>
        <source>Hang up the current call (during a consultation: end it); with no call, decline the selected (or next) waiting one; with a caller on hold, only a selected one</source>
        <translation>Legg på den aktuelle samtalen (under en konsultasjon: avslutt den); uten samtale, avvis den markerte (eller neste) ventende; med en innringer på vent, bare en markert</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="51"/>
        <source>Reject the selected (or next) waiting call as busy: the exchange offers it on</source>
        <translation>Avvis den markerte (eller neste) ventende samtalen som opptatt: sentralbordet tilbyr den videre</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="53"/>
        <source>Remove the selected call-back entry</source>
        <translation>Fjern den valgte oppføringen i listen Ring tilbake</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="55"/>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="62"/>
        <source>Referral history</source>
        <translation>Henvisningshistorikk</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="65"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="88"/>
        <source>free</source>
        <translation>ledig</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="89"/>
        <source>Today: %1</source>
        <translation>I dag: %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="90"/>
        <source>Tomorrow: %1</source>
        <translation>I morgen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="95"/>
        <source>Work</source>
        <translation>Arbeid</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="95"/>
        <source>Switchboard</source>
        <translation>Sentralbord</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="96"/>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="96"/>
        <source>DECT</source>
        <translation>DECT</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="97"/>
        <source>Pager</source>
        <translation>Personsøker</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="97"/>
        <source>Fax</source>
        <translation>Faks</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="97"/>
        <source>Other</source>
        <translation>Annet</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="119"/>
        <source>No one selected</source>
        <translation>Ingen valgt</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="50"/>
        <source>Type a name, unit, title or number to search.</source>
        <translation>Skriv et navn, en enhet, en tittel eller et nummer for å søke.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="138"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="140"/>
        <source>Location</source>
        <translation>Sted</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="140"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="143"/>
        <source>Keywords</source>
        <translation>Nøkkelord</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="143"/>
        <source>About</source>
        <translation>Om</translation>
    </message>
</context>
<context>
    <name>ElidedLabel</name>
    <message>
        <location filename="../../ui/elided_label.py" line="73"/>
        <source>Copy</source>
        <translation>Kopier</translation>
    </message>
</context>
<context>
    <name>FavouritesFlow</name>
    <message>
        <location filename="../../app/lookup/favourites_flow.py" line="112"/>
        <source>The favourite was not saved: %1</source>
        <translation>Favoritten ble ikke lagret: %1</translation>
    </message>
</context>
<context>
    <name>FavouritesPanel</name>
    <message>
        <location filename="../../ui/favourites_panel.py" line="49"/>
        <source>Favourites</source>
        <translation>Favoritter</translation>
    </message>
    <message>
        <location filename="../../ui/favourites_panel.py" line="50"/>
        <source>People and units kept at hand, with their line state; Enter dials</source>
        <translation>Personer og enheter lett tilgjengelig, med linjestatus; Enter ringer opp</translation>
    </message>
    <message>
        <location filename="../../ui/favourites_panel.py" line="51"/>
        <source>Ctrl+L adds the selected person or unit.</source>
        <translation>Ctrl+L legger til den valgte personen eller enheten.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../app/lookup/live_updates.py" line="71"/>
        <source>Live updates are back</source>
        <translation>Direkteoppdateringene virker igjen</translation>
    </message>
    <message>
        <location filename="../../app/lookup/live_updates.py" line="77"/>
        <source>Live updates from the shared store are interrupted (%1); reconnecting</source>
        <translation>Direkteoppdateringene fra den delte databasen er avbrutt (%1); kobler til igjen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Switchboard</source>
        <translation>Sentralbord</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Search name, unit, title or number…</source>
        <translation>Søk navn, enhet, tittel eller nummer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>Search the directory</source>
        <translation>Søk i katalogen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>Type a name, unit, title or number; the results follow as you type. Enter dials the selection.</source>
        <translation>Skriv navn, enhet, tittel eller nummer; resultatene følger mens du skriver. Enter ringer opp den valgte.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Search results</source>
        <translation>Søkeresultater</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>People and units found, with their status. Enter dials, F4 sets a referral.</source>
        <translation>Personer og enheter som er funnet, med status. Enter ringer opp, F4 setter en henvisning.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Selected entry</source>
        <translation>Valgt oppføring</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Numbers, status and notes of the selected person or unit, and what to tell the caller</source>
        <translation>Numre, status og notater for valgt person eller enhet, og hva du skal si til den som ringer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjelp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Hurtigtaster</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Om Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>%1: the arrow keys move between rows; F1 lists the keys that act on them</source>
        <translation>%1: piltastene flytter mellom radene; F1 viser tastene som virker på dem</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>No directory is configured on this computer. Import one with &apos;switchboard directory import FILE&apos;, configure a source, or try the demo.</source>
        <translation>Ingen katalog er konfigurert på denne datamaskinen. Importer en med &apos;switchboard directory import FIL&apos;, konfigurer en kilde eller prøv demoen.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Open the demo</source>
        <translation>Åpne demoen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>Demo organisation: fictional people and numbers, not your data.</source>
        <translation>Demoorganisasjon: oppdiktede personer og numre, ikke deres data.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="324"/>
        <source>Configuration problems: %n (see &apos;switchboard config check&apos;)</source>
        <translation>
            <numerusform>Konfigurasjonsproblemer: %n (se &apos;switchboard config check&apos;)</numerusform>
            <numerusform>Konfigurasjonsproblemer: %n (se &apos;switchboard config check&apos;)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>Call log</source>
        <translation>Samtalelogg</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Call log: show and search it</source>
        <translation>Samtalelogg: vis og søk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384"/>
        <source>The phone is not started: %1</source>
        <translation>Telefonen er ikke startet: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="389"/>
        <source>Syncing %1: %n entries read</source>
        <translation>
            <numerusform>Synkroniserer %1: %n oppføring lest</numerusform>
            <numerusform>Synkroniserer %1: %n oppføringer lest</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>%1 synced: %2 added, %3 updated, %4 removed</source>
        <translation>%1 synkronisert: %2 lagt til, %3 oppdatert, %4 fjernet</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="403"/>
        <source>Directory sync from %1 failed: %2. Searching the last good copy; next try in %n minute(s).</source>
        <translation>
            <numerusform>Katalogsynkronisering fra %1 mislyktes: %2. Søket bruker siste fungerende kopi; nytt forsøk om %n minutt.</numerusform>
            <numerusform>Katalogsynkronisering fra %1 mislyktes: %2. Søket bruker siste fungerende kopi; nytt forsøk om %n minutter.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>Connected to the exchange&apos;s queue</source>
        <translation>Koblet til sentralbordets kø</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416"/>
        <source>The exchange&apos;s queue cannot be reached (%1). Reconnecting; callers waiting there are not shown meanwhile.</source>
        <translation>Sentralbordets kø kan ikke nås (%1). Kobler til igjen; de som venter der, vises ikke i mellomtiden.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>Demo: callers wait at a private exchange queue</source>
        <translation>Demo: innringerne venter i en egen sentralbordskø</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Kamailio holds the callers; F2 picks the first, Shift+F2 the selected one.</source>
        <translation>Kamailio holder innringerne; F2 tar den første, Shift+F2 den markerte.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <source>Demo: callers ring this console&apos;s own line</source>
        <translation>Demo: innringerne ringer denne konsollens egen linje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>No private exchange queue: %1</source>
        <translation>Ingen egen sentralbordskø: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="490"/>
        <source>Favourites</source>
        <translation>Favoritter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="501"/>
        <source>Handing calls back to %1…</source>
        <translation>Gir samtaler tilbake til %1…</translation>
    </message>
</context>
<context>
    <name>MessageFlow</name>
    <message>
        <location filename="../../app/messages/message_flow.py" line="41"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="41"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="42"/>
        <source>Pager / DECT</source>
        <translation>Personsøker / DECT</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="46"/>
        <source>queued</source>
        <translation>i kø</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="46"/>
        <source>sending</source>
        <translation>sendes</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="47"/>
        <source>sent</source>
        <translation>sendt</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="47"/>
        <source>delivered</source>
        <translation>levert</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="48"/>
        <source>failed</source>
        <translation>mislyktes</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="110"/>
        <source>No message channel is configured ([messages] in the settings).</source>
        <translation>Ingen meldingskanal er satt opp ([messages] i innstillingene).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="148"/>
        <source>%n without an address for this channel: %1</source>
        <translation>
            <numerusform>%n mangler adresse for denne kanalen: %1</numerusform>
            <numerusform>%n mangler adresse for denne kanalen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="162"/>
        <source>%1 characters, %n SMS</source>
        <translation>
            <numerusform>%1 tegn, %n SMS</numerusform>
            <numerusform>%1 tegn, %n SMS</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="165"/>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tegn</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="168"/>
        <source>%1 characters</source>
        <translation>%1 tegn</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="194"/>
        <source>Send this message to %n recipients?</source>
        <translation>
            <numerusform>Sende meldingen til %n mottaker?</numerusform>
            <numerusform>Sende meldingen til %n mottakere?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="209"/>
        <source>The store is not open yet; try again in a moment.</source>
        <translation>Databasen er ikke åpen ennå; prøv igjen om et øyeblikk.</translation>
    </message>
</context>
<context>
    <name>MessageForm</name>
    <message>
        <location filename="../../ui/message_form.py" line="41"/>
        <source>Message to staff</source>
        <translation>Melding til ansatte</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="44"/>
        <location filename="../../ui/message_form.py" line="75"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="46"/>
        <source>One recipient per line: number or address, then a comma and the name</source>
        <translation>Én mottaker per linje: nummer eller adresse, deretter komma og navnet</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="48"/>
        <source>Recipients</source>
        <translation>Mottakere</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="49"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="52"/>
        <location filename="../../ui/message_form.py" line="77"/>
        <source>Template</source>
        <translation>Mal</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="56"/>
        <source>Message text</source>
        <translation>Meldingstekst</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="62"/>
        <source>Recipient</source>
        <translation>Mottaker</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="62"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="62"/>
        <source>Reason</source>
        <translation>Årsak</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="66"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="69"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="76"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="78"/>
        <source>Subject</source>
        <translation>Emne</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="79"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="105"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="127"/>
        <source>Send to a group</source>
        <translation>Send til en gruppe</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="152"/>
        <source>Import recipients</source>
        <translation>Importer mottakere</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="153"/>
        <source>Lists (*.csv *.txt *.xlsx)</source>
        <translation>Lister (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="153"/>
        <source>All files (*)</source>
        <translation>Alle filer (*)</translation>
    </message>
</context>
<context>
    <name>MessageLogModel</name>
    <message>
        <location filename="../../ui/message_log_model.py" line="22"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="22"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="22"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="22"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="22"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="23"/>
        <source>Sent by</source>
        <translation>Sendt av</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="51"/>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="51"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="51"/>
        <source>Pager / DECT</source>
        <translation>Personsøker / DECT</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="55"/>
        <source>queued</source>
        <translation>i kø</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="55"/>
        <source>sending</source>
        <translation>sendes</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="55"/>
        <source>sent</source>
        <translation>sendt</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="56"/>
        <source>delivered</source>
        <translation>levert</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="56"/>
        <source>failed</source>
        <translation>mislyktes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="69"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n melding</numerusform>
            <numerusform>%n meldinger</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="69"/>
        <source>%n delivered</source>
        <translation>
            <numerusform>%n levert</numerusform>
            <numerusform>%n levert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="70"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n mislyktes</numerusform>
            <numerusform>%n mislyktes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageLogPanel</name>
    <message>
        <location filename="../../ui/message_log_panel.py" line="19"/>
        <source>Search the messages: recipient, number, sender, text…</source>
        <translation>Søk i meldingene: mottaker, nummer, avsender, tekst…</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_panel.py" line="20"/>
        <source>Search the message log</source>
        <translation>Søk i meldingsloggen</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_panel.py" line="20"/>
        <source>Type a name, number or word to find messages</source>
        <translation>Skriv et navn, nummer eller ord for å finne meldinger</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_panel.py" line="21"/>
        <source>Message log</source>
        <translation>Meldingslogg</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_panel.py" line="22"/>
        <source>Messages to staff, newest first: when, channel, to whom, text and state</source>
        <translation>Meldinger til ansatte, nyeste først: når, kanal, til hvem, tekst og status</translation>
    </message>
</context>
<context>
    <name>MessagesWiring</name>
    <message>
        <location filename="../../app/messages/wiring.py" line="70"/>
        <source>Message to staff: SMS, e-mail or pager to the selected person or unit, from the current call</source>
        <translation>Melding til ansatte: SMS, e-post eller personsøker til valgt person eller enhet, fra pågående samtale</translation>
    </message>
    <message>
        <location filename="../../app/messages/wiring.py" line="79"/>
        <source>Messages</source>
        <translation>Meldinger</translation>
    </message>
</context>
<context>
    <name>NoteConflictDialog</name>
    <message>
        <location filename="../../ui/referral_conflict.py" line="103"/>
        <source>The note was removed meanwhile.</source>
        <translation>Notatet ble fjernet i mellomtiden.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="104"/>
        <source>Another operator</source>
        <translation>En annen operatør</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="106"/>
        <source>%1 changed the note to “%2” at %3.</source>
        <translation>%1 endret notatet til «%2» kl. %3.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/note_dialog.py" line="26"/>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="30"/>
        <source>&amp;Save</source>
        <translation>&amp;Lagre</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="33"/>
        <source>Add as a &amp;new note</source>
        <translation>Legg til som &amp;nytt notat</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="48"/>
        <source>Note on %1</source>
        <translation>Notat om %1</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="59"/>
        <source>Type a note.</source>
        <translation>Skriv et notat.</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="62"/>
        <source>A note has at most %1 characters.</source>
        <translation>Et notat har høyst %1 tegn.</translation>
    </message>
</context>
<context>
    <name>NoteFlow</name>
    <message>
        <location filename="../../app/lookup/note_flow.py" line="35"/>
        <source>Write or edit the selected person&apos;s note</source>
        <translation>Skriv eller endre notatet til den valgte personen</translation>
    </message>
    <message>
        <location filename="../../app/lookup/note_flow.py" line="108"/>
        <source>Kept the other operator&apos;s note on %1.</source>
        <translation>Beholdt den andre operatørens notat om %1.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../ui/notice_bar.py" line="36"/>
        <source>Notice board</source>
        <translation>Oppslagstavle</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="37"/>
        <source>Clear</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="38"/>
        <source>Stop showing the newest notice on every console</source>
        <translation>Slutt å vise den nyeste meldingen på alle konsoller</translation>
    </message>
</context>
<context>
    <name>NoticeFlow</name>
    <message>
        <location filename="../../app/notices/flow.py" line="42"/>
        <source>Notice board: post a message every console of the organisation shows</source>
        <translation>Oppslagstavle: legg ut en melding som alle organisasjonens konsoller viser</translation>
    </message>
    <message>
        <location filename="../../app/notices/flow.py" line="77"/>
        <source>The store is not open yet; try again in a moment.</source>
        <translation>Databasen er ikke åpen ennå; prøv igjen om et øyeblikk.</translation>
    </message>
    <message>
        <location filename="../../app/notices/flow.py" line="100"/>
        <source>The notice was not posted: %1</source>
        <translation>Meldingen ble ikke lagt ut: %1</translation>
    </message>
    <message>
        <location filename="../../app/notices/flow.py" line="117"/>
        <source>%1 until %2: %3</source>
        <translation>%1 til %2: %3</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../ui/notice_bar.py" line="65"/>
        <source>Post a notice to every console</source>
        <translation>Legg ut en melding på alle konsoller</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="68"/>
        <location filename="../../ui/notice_bar.py" line="82"/>
        <source>Notice</source>
        <translation>Melding</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="70"/>
        <location filename="../../ui/notice_bar.py" line="83"/>
        <source>Shown for</source>
        <translation>Vises i</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="71"/>
        <source>30 minutes</source>
        <translation>30 minutter</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="71"/>
        <source>1 hour</source>
        <translation>1 time</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="71"/>
        <source>2 hours</source>
        <translation>2 timer</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="72"/>
        <source>4 hours</source>
        <translation>4 timer</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="72"/>
        <source>8 hours</source>
        <translation>8 timer</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="78"/>
        <source>Post</source>
        <translation>Legg ut</translation>
    </message>
</context>
<context>
    <name>OfflineMode</name>
    <message>
        <location filename="../../app/lookup/offline.py" line="52"/>
        <source>The shared store cannot be reached (%1). Showing referrals, notes and call-backs as last read; changes are refused until it is back.</source>
        <translation>Den delte databasen kan ikke nås (%1). Henvisninger, notater og tilbakeringinger vises slik de sist ble lest; endringer avvises til den er tilbake.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="60"/>
        <source>The shared store cannot be reached (%1) and this PC has no copy of its referrals, notices and call-backs yet; changes are refused until it is back.</source>
        <translation>Den delte databasen kan ikke nås (%1), og denne PC-en har ennå ingen kopi av henvisningene, oppslagene og tilbakeringingene; endringer avvises til den er tilbake.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="66"/>
        <source>The shared store cannot be reached (%1). Working from this PC&apos;s copy of %2: referrals, notices, call-backs and favourites as they were then; changes are refused until it is back.</source>
        <translation>Den delte databasen kan ikke nås (%1). Arbeider fra denne PC-ens kopi fra %2: henvisninger, oppslag, tilbakeringinger og favoritter slik de var da; endringer avvises til den er tilbake.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="70"/>
        <source>The directory has not been read on this PC yet: search finds no one until then.</source>
        <translation>Katalogen er ennå ikke lest inn på denne PC-en: søket finner ingen før da.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="100"/>
        <source>The shared store is back: changes can be made again</source>
        <translation>Den delte databasen er tilbake: endringer kan gjøres igjen</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="106"/>
        <source>Not saved: the shared store cannot be reached. Changes can be made again once it is back.</source>
        <translation>Ikke lagret: den delte databasen kan ikke nås. Endringer kan gjøres igjen når den er tilbake.</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../../ui/phone_panel.py" line="77"/>
        <source>Answer</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="78"/>
        <source>Busy</source>
        <translation>Opptatt</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="79"/>
        <location filename="../../ui/phone_panel.py" line="212"/>
        <source>Hang up</source>
        <translation>Legg på</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="80"/>
        <location filename="../../ui/phone_panel.py" line="214"/>
        <source>Hold</source>
        <translation>Parker</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="81"/>
        <source>Mute</source>
        <translation>Demp</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="93"/>
        <source>Answer the ringing call</source>
        <translation>Svar på anropet som ringer</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="94"/>
        <source>Reject the ringing call as busy</source>
        <translation>Avvis anropet som ringer med opptatt</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="95"/>
        <source>End or decline the selected call</source>
        <translation>Avslutt eller avvis den valgte samtalen</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="96"/>
        <source>Put the call on hold or take it back</source>
        <translation>Sett samtalen på vent eller ta den tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="97"/>
        <source>Turn the microphone off or on</source>
        <translation>Slå mikrofonen av eller på</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="100"/>
        <source>Sends %1 to the other party as a tone</source>
        <translation>Sender %1 som tone til motparten</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="123"/>
        <source>Keypad</source>
        <translation>Tastatur</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="127"/>
        <source>Shows or hides the keys for sending tones</source>
        <translation>Viser eller skjuler tastene for å sende toner</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="133"/>
        <source>Send tone %1</source>
        <translation>Send tone %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="182"/>
        <source>Phone ready</source>
        <translation>Telefonen er klar</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="184"/>
        <source>Phone connecting…</source>
        <translation>Telefonen kobler til…</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="188"/>
        <source>Phone NOT registered: %1</source>
        <translation>Telefonen er IKKE registrert: %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="191"/>
        <source>(retrying in %1 s)</source>
        <translation>(prøver igjen om %1 s)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="193"/>
        <source>Phone off: calls cannot be made or received</source>
        <translation>Telefonen er av: samtaler kan ikke ringes eller mottas</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="212"/>
        <source>Decline</source>
        <translation>Avvis</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="214"/>
        <source>Resume</source>
        <translation>Gjenoppta</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="240"/>
        <source>Unknown caller</source>
        <translation>Ukjent innringer</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="243"/>
        <source>Call with %1 ended: %2</source>
        <translation>Samtalen med %1 ble avsluttet: %2</translation>
    </message>
</context>
<context>
    <name>PhoneText</name>
    <message>
        <location filename="../../ui/phone_text.py" line="21"/>
        <source>secure connection to the registrar failed (TLS): %1</source>
        <translation>sikker tilkobling til registraren mislyktes (TLS): %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="23"/>
        <source>registrar host name could not be resolved (DNS)</source>
        <translation>registrarens vertsnavn kunne ikke slås opp (DNS)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="24"/>
        <source>wrong user name or password (%1)</source>
        <translation>feil brukernavn eller passord (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="25"/>
        <source>registration refused by the server (403 Forbidden)</source>
        <translation>registreringen ble avvist av serveren (403 Forbidden)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="26"/>
        <source>unknown user at the registrar (404)</source>
        <translation>ukjent bruker hos registraren (404)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="27"/>
        <source>registrar did not answer (timeout)</source>
        <translation>registraren svarte ikke (tidsavbrudd)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="28"/>
        <source>connection to the registrar was lost</source>
        <translation>forbindelsen til registraren ble brutt</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="29"/>
        <source>registrar unreachable (connection refused)</source>
        <translation>registraren kan ikke nås (tilkoblingen ble avvist)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="30"/>
        <source>registrar error (%1)</source>
        <translation>feil hos registraren (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="32"/>
        <source>registration failed (%1)</source>
        <translation>registreringen mislyktes (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="39"/>
        <source>The phone is not started.</source>
        <translation>Telefonen er ikke startet.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="40"/>
        <source>That call has ended.</source>
        <translation>Den samtalen er avsluttet.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="41"/>
        <source>That call is not ringing.</source>
        <translation>Den samtalen ringer ikke.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="42"/>
        <source>The call is not connected yet.</source>
        <translation>Samtalen er ikke koblet opp ennå.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="43"/>
        <source>The caller already has a consultation.</source>
        <translation>Innringeren har allerede en forespørsel.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="44"/>
        <source>There is no consultation to complete or cancel.</source>
        <translation>Det finnes ingen forespørsel å fullføre eller avbryte.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="45"/>
        <source>“%1” is not a number or SIP address.</source>
        <translation>«%1» er ikke et nummer eller en SIP-adresse.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="46"/>
        <source>The phone refused: %1</source>
        <translation>Telefonen nektet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="55"/>
        <source>A colleague took that caller first.</source>
        <translation>En kollega tok den som ringte først.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="56"/>
        <source>That caller is no longer waiting.</source>
        <translation>Den som ringte venter ikke lenger.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="57"/>
        <source>Sign in to the queue to take callers.</source>
        <translation>Logg inn i køen for å ta samtaler.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="58"/>
        <source>The exchange refused this console: check its queue token.</source>
        <translation>Sentralbordet avviste denne konsollen: kontroller køtokenet.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="59"/>
        <source>The exchange&apos;s queue cannot be reached.</source>
        <translation>Sentralbordets kø kan ikke nås.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="60"/>
        <source>The exchange&apos;s certificate is not trusted: check its CA file.</source>
        <translation>Sentralbordets sertifikat er ikke klarert: kontroller CA-filen.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="61"/>
        <source>The exchange is busy: try again in a moment.</source>
        <translation>Sentralbordet er opptatt: prøv igjen om et øyeblikk.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="62"/>
        <source>Your phone has no room for another call.</source>
        <translation>Telefonen din har ikke plass til flere samtaler.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="63"/>
        <source>A caller is already on the way to you.</source>
        <translation>En samtale er allerede på vei til deg.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="65"/>
        <source>The exchange refused: %1</source>
        <translation>Sentralbordet avviste: %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="69"/>
        <source>no audio from the other party for %1 s (RTP timeout)</source>
        <translation>ingen lyd fra den andre parten på %1 s (RTP-tidsavbrudd)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="71"/>
        <source>unanswered for %1 s (ring limit)</source>
        <translation>ubesvart i %1 s (ringegrense)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="73"/>
        <source>hung up</source>
        <translation>la på</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="74"/>
        <source>the other party hung up</source>
        <translation>den andre parten la på</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="75"/>
        <source>rejected as busy</source>
        <translation>avvist som opptatt</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="76"/>
        <location filename="../../ui/phone_text.py" line="80"/>
        <source>declined</source>
        <translation>avvist</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="77"/>
        <source>transferred</source>
        <translation>satt over</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="78"/>
        <source>busy</source>
        <translation>opptatt</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="79"/>
        <source>busy everywhere</source>
        <translation>opptatt overalt</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="81"/>
        <source>cancelled</source>
        <translation>avbrutt</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="82"/>
        <source>the caller hung up before it was answered</source>
        <translation>den som ringte, la på før samtalet ble besvart</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="83"/>
        <source>number not found</source>
        <translation>nummeret finnes ikke</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="84"/>
        <source>not available</source>
        <translation>ikke tilgjengelig</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="85"/>
        <source>no answer</source>
        <translation>ikke svar</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="86"/>
        <source>incomplete number</source>
        <translation>ufullstendig nummer</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="87"/>
        <source>no common audio format</source>
        <translation>ikke noe felles lydformat</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="88"/>
        <source>call refused</source>
        <translation>samtalen ble avvist</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="89"/>
        <source>service unavailable</source>
        <translation>tjenesten er ikke tilgjengelig</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="90"/>
        <source>call failed</source>
        <translation>samtalen mislyktes</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/qt_buttons.py" line="13"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="14"/>
        <source>Save</source>
        <translation>Lagre</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="15"/>
        <source>Save All</source>
        <translation>Lagre alle</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="16"/>
        <source>Open</source>
        <translation>Åpne</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="17"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="18"/>
        <source>Yes to &amp;All</source>
        <translation>Ja til &amp;alle</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="19"/>
        <source>&amp;No</source>
        <translation>&amp;Nei</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="20"/>
        <source>N&amp;o to All</source>
        <translation>N&amp;ei til alle</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="21"/>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="22"/>
        <source>Retry</source>
        <translation>Prøv igjen</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="23"/>
        <source>Ignore</source>
        <translation>Ignorer</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="24"/>
        <source>Close</source>
        <translation>Lukk</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="25"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="26"/>
        <source>Discard</source>
        <translation>Forkast</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="27"/>
        <source>Help</source>
        <translation>Hjelp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="28"/>
        <source>Apply</source>
        <translation>Bruk</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="29"/>
        <source>Reset</source>
        <translation>Tilbakestill</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="30"/>
        <source>Restore Defaults</source>
        <translation>Gjenopprett standardverdier</translation>
    </message>
</context>
<context>
    <name>QueueStatus</name>
    <message>
        <location filename="../../ui/queue_status.py" line="24"/>
        <source>Taking callers from the exchange&apos;s queue</source>
        <translation>Tar imot innringere fra sentralbordets kø</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="40"/>
        <source>Available</source>
        <translation>Tilgjengelig</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="40"/>
        <source>Paused</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="41"/>
        <source>Callers at the exchange&apos;s queue may be picked here; click to pause</source>
        <translation>Innringere i sentralbordets kø kan tas her; klikk for å ta pause</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="43"/>
        <source>No caller is offered to this console; click to take callers</source>
        <translation>Ingen innringere tilbys denne konsollen; klikk for å ta imot innringere</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="44"/>
        <source>Operators in: %1</source>
        <translation>Innloggede operatører: %1</translation>
    </message>
</context>
<context>
    <name>ReferralConflictDialog</name>
    <message>
        <location filename="../../ui/referral_conflict.py" line="71"/>
        <source>Another operator changed this referral meanwhile.</source>
        <translation>En annen operatør endret henvisningen i mellomtiden.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="72"/>
        <source>Another operator</source>
        <translation>En annen operatør</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="75"/>
        <source>%1 cleared “%2” at %3.</source>
        <translation>%1 fjernet «%2» kl. %3.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="78"/>
        <source>%1 scheduled “%2” at %3.</source>
        <translation>%1 planla «%2» kl. %3.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="79"/>
        <source>%1 set “%2” at %3.</source>
        <translation>%1 satte «%2» kl. %3.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/referral_dialog.py" line="84"/>
        <source>Referral for %1</source>
        <translation>Henvisning for %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="90"/>
        <source>Now: %1</source>
        <translation>Nå: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="92"/>
        <source>Type to choose: lunch, meeting, …</source>
        <translation>Skriv for å velge: lunsj, møte, …</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="101"/>
        <source>13, 13:30, tomorrow 8, fri 12, 2/12, +30</source>
        <translation>13, 13:30, i morgen 8, fre 12, 2/12, +30</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="105"/>
        <source>Now; or e.g. next week, mon, 2/12</source>
        <translation>Nå; eller f.eks. neste uke, man, 2/12</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="112"/>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="114"/>
        <source>&amp;Back</source>
        <translation>&amp;Tilbake</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="116"/>
        <source>&amp;Alternative</source>
        <translation>&amp;Alternativ</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="117"/>
        <source>Co&amp;mment</source>
        <translation>Ko&amp;mmentar</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="118"/>
        <source>&amp;Starts</source>
        <translation>&amp;Starter</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="126"/>
        <source>Set referral</source>
        <translation>Sett henvisning</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="128"/>
        <source>Clear referral</source>
        <translation>Fjern henvisning</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="238"/>
        <source>A number to call instead</source>
        <translation>Et nummer å ringe i stedet</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="239"/>
        <source>A colleague to put callers through to</source>
        <translation>En kollega å sette over til</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="240"/>
        <source>A unit, and its number</source>
        <translation>En enhet og nummeret dens</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="241"/>
        <source>Empty: the switchboard helps the caller</source>
        <translation>Tomt: sentralbordet hjelper innringeren</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="260"/>
        <source>from %1</source>
        <translation>fra %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="261"/>
        <source>from now</source>
        <translation>fra nå</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="271"/>
        <source>back %1 (%2)</source>
        <translation>tilbake %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="279"/>
        <source>empty: back %1</source>
        <translation>tomt: tilbake %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="281"/>
        <source>empty: until cleared</source>
        <translation>tomt: til den fjernes</translation>
    </message>
</context>
<context>
    <name>ReferralFlow</name>
    <message>
        <location filename="../../app/lookup/referral_flow.py" line="80"/>
        <source>Replaced: %1</source>
        <translation>Erstattet: %1</translation>
    </message>
    <message>
        <location filename="../../app/lookup/referral_flow.py" line="88"/>
        <source>clear the referral</source>
        <translation>fjerne henvisningen</translation>
    </message>
    <message>
        <location filename="../../app/lookup/referral_flow.py" line="95"/>
        <source>Kept the other operator&apos;s referral for %1.</source>
        <translation>Beholdt den andre operatørens henvisning for %1.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/referral_flow.py" line="44"/>
        <source>Referrals cannot be changed now: the shared store cannot be reached. What is shown is as last read.</source>
        <translation>Henvisninger kan ikke endres nå: den delte databasen kan ikke nås. Det som vises, er slik det sist ble lest.</translation>
    </message>
</context>
<context>
    <name>ReferralTargetDialog</name>
    <message>
        <location filename="../../ui/referral_target_dialog.py" line="38"/>
        <source>%1 has a referral</source>
        <translation>%1 har en henvisning</translation>
    </message>
    <message>
        <location filename="../../ui/referral_target_dialog.py" line="47"/>
        <source>&amp;1  Alternative: %1</source>
        <translation>&amp;1  Alternativ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_target_dialog.py" line="48"/>
        <source>&amp;2  %1 anyway</source>
        <translation>&amp;2  %1 likevel</translation>
    </message>
</context>
<context>
    <name>ReferralText</name>
    <message>
        <location filename="../../ui/referral_text.py" line="34"/>
        <source>today %1</source>
        <translation>i dag %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="36"/>
        <source>tomorrow %1</source>
        <translation>i morgen %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referral_text.py" line="47"/>
        <source>in %n min</source>
        <translation>
            <numerusform>om %n min</numerusform>
            <numerusform>om %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referral_text.py" line="50"/>
        <source>in %n h</source>
        <translation>
            <numerusform>om %n t</numerusform>
            <numerusform>om %n t</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referral_text.py" line="51"/>
        <source>%1 %n min</source>
        <translation>
            <numerusform>%1 %n min</numerusform>
            <numerusform>%1 %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referral_text.py" line="52"/>
        <source>in %n day(s)</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dager</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="56"/>
        <source>Type a time, e.g. 13, 13:30, tomorrow 8, fri 12, 2/12 or +30.</source>
        <translation>Skriv et tidspunkt, f.eks. 13, 13:30, i morgen 8, fre 12, 2/12 eller +30.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="57"/>
        <source>“%1” is not a time, date, weekday or duration.</source>
        <translation>«%1» er ikke et klokkeslett, en dato, en ukedag eller en varighet.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="58"/>
        <source>“%1” is not a time of day (00:00 to 23:59).</source>
        <translation>«%1» er ikke et klokkeslett (00:00 til 23:59).</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="59"/>
        <source>“%1” is not a date in the calendar.</source>
        <translation>«%1» er ikke en dato som finnes i kalenderen.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="60"/>
        <source>“%1” gives a second day or time.</source>
        <translation>«%1» angir en dag eller tid til.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="61"/>
        <source>%1 has already passed.</source>
        <translation>%1 har allerede passert.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="62"/>
        <source>%1 is more than two years ahead.</source>
        <translation>%1 er mer enn to år fram i tid.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="68"/>
        <source>Choose a referral code from the list.</source>
        <translation>Velg en henvisningskode fra listen.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="69"/>
        <source>%1 needs a return time.</source>
        <translation>%1 krever tidspunkt for retur.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="70"/>
        <source>The return time is before the start.</source>
        <translation>Returtidspunktet er før starten.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="71"/>
        <source>The return time has already passed.</source>
        <translation>Returtidspunktet har allerede passert.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="79"/>
        <source>%1 from %2</source>
        <translation>%1 fra %2</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="81"/>
        <source>%1 until %2</source>
        <translation>%1 til %2</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="87"/>
        <source>No referral changes recorded.</source>
        <translation>Ingen endringer i henvisninger registrert.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="90"/>
        <source>unknown</source>
        <translation>ukjent</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="94"/>
        <source>cleared: %1</source>
        <translation>fjernet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="97"/>
        <source>scheduled: %1</source>
        <translation>planlagt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="97"/>
        <source>set: %1</source>
        <translation>satt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="100"/>
        <source>replaced: %1</source>
        <translation>erstattet: %1</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/results_model.py" line="51"/>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="51"/>
        <source>Title</source>
        <translation>Tittel</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="51"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="51"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="51"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="13"/>
        <source>Any letter or digit</source>
        <translation>Hvilken som helst bokstav eller siffer</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="14"/>
        <source>Search (the search field receives typing from anywhere)</source>
        <translation>Søk (søkefeltet tar imot skriving uansett hvor du er)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="15"/>
        <source>Go to the search field and select its text</source>
        <translation>Gå til søkefeltet og merk teksten</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="16"/>
        <source>Up / Down, Page Up / Page Down</source>
        <translation>Opp / Ned, Page Up / Page Down</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="17"/>
        <source>Move through the results while typing</source>
        <translation>Flytt i treffene mens du skriver</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="18"/>
        <source>Use the selected entry</source>
        <translation>Bruk den valgte oppføringen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="19"/>
        <source>Clear the search; press again to return to the search field</source>
        <translation>Tøm søket; trykk igjen for å gå tilbake til søkefeltet</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="20"/>
        <source>Set or clear the selected person&apos;s referral</source>
        <translation>Sett eller fjern henvisning for den valgte personen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="21"/>
        <source>Sync the directory now</source>
        <translation>Synkroniser katalogen nå</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="22"/>
        <source>Add the selected entry to the favourites, or remove it</source>
        <translation>Legg til den valgte oppføringen blant favorittene, eller fjern den</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="23"/>
        <source>Show these shortcuts</source>
        <translation>Vis disse hurtigtastene</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="30"/>
        <source>Keyboard shortcuts</source>
        <translation>Hurtigtaster</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="33"/>
        <source>Key</source>
        <translation>Tast</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="33"/>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <location filename="../../ui/stats_charts.py" line="55"/>
        <source>Calls per period</source>
        <translation>Anrop per periode</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="57"/>
        <location filename="../../ui/stats_text.py" line="23"/>
        <location filename="../../ui/stats_text.py" line="63"/>
        <source>Answered</source>
        <translation>Besvart</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="58"/>
        <location filename="../../ui/stats_text.py" line="24"/>
        <location filename="../../ui/stats_text.py" line="64"/>
        <source>Abandoned</source>
        <translation>Avbrutt</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="59"/>
        <source>Other</source>
        <translation>Andre</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="70"/>
        <source>Calls per service</source>
        <translation>Anrop per tjeneste</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="73"/>
        <location filename="../../ui/stats_text.py" line="20"/>
        <location filename="../../ui/stats_text.py" line="63"/>
        <source>Offered</source>
        <translation>Tilbudt</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="74"/>
        <location filename="../../ui/stats_text.py" line="77"/>
        <source>Answered within %1 s</source>
        <translation>Besvart innen %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="23"/>
        <source>Offered calls the operator answered.</source>
        <translation>Tilbudte anrop som sentralbordet besvarte.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="27"/>
        <source>Short abandons</source>
        <translation>Korte avbrudd</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="27"/>
        <source>Abandoned calls given up within the short-abandon limit (default 5 s); not in the service level.</source>
        <translation>Avbrutte anrop som ga opp innen grensen for korte avbrudd (vanligvis 5 s); regnes ikke med i servicenivået.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="30"/>
        <location filename="../../ui/stats_text.py" line="66"/>
        <source>Rejected</source>
        <translation>Avvist</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="35"/>
        <source>Answered within N s</source>
        <translation>Besvart innen N s</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="36"/>
        <source>Answered calls whose wait was N seconds or less.</source>
        <translation>Besvarte anrop som ventet N sekunder eller kortere.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="37"/>
        <source>Service level (N s)</source>
        <translation>Servicenivå (N s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="38"/>
        <source>Answered within N s, divided by offered calls less short abandons.</source>
        <translation>Besvart innen N s, delt på tilbudte anrop minus korte avbrudd.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="39"/>
        <source>Wait</source>
        <translation>Ventetid</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="42"/>
        <source>Abandoned after</source>
        <translation>Avbrutt etter</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="32"/>
        <location filename="../../ui/stats_text.py" line="66"/>
        <source>Overflowed</source>
        <translation>Til overløp</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="20"/>
        <source>Calls that rang at a console (or found it full), and callers who left the exchange&apos;s queue unanswered.</source>
        <translation>Anrop som ringte på en konsoll (eller fant den full), og innringere som forlot sentralens kø ubesvart.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="24"/>
        <source>Offered calls whose caller hung up unanswered, at a console or waiting in the exchange&apos;s queue.</source>
        <translation>Tilbudte anrop der innringeren la på ubesvart, på en konsoll eller i kø i sentralen.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="30"/>
        <source>Offered calls declined unanswered: by the operator (busy), a full console or its ring limit.</source>
        <translation>Tilbudte anrop som ble avvist ubesvart: av sentralbordet (opptatt), av en full konsoll eller ved dens ringegrense.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="32"/>
        <source>Callers the exchange&apos;s queue sent on to its overflow number; in the service level, not answered.</source>
        <translation>Innringere som sentralens kø sendte videre til overløpsnummeret; med i servicenivået som ikke besvart.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="39"/>
        <source>From offered (joining the queue) to answered, over answered calls; mean, median and 90th percentile.</source>
        <translation>Fra tilbudt (inngang i køen) til besvart, over besvarte anrop; gjennomsnitt, median og 90. persentil.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="42"/>
        <source>From offered (joining the queue) to the caller hanging up, over abandoned calls; mean and median.</source>
        <translation>Fra tilbudt (inngang i køen) til innringeren la på, over avbrutte anrop; gjennomsnitt og median.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="45"/>
        <source>Time to connect</source>
        <translation>Tid til setting over</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="45"/>
        <source>From answered until transferred or ended, over answered calls; mean and median.</source>
        <translation>Fra besvart til anropet ble satt over eller avsluttet, over besvarte anrop; gjennomsnitt og median.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="47"/>
        <location filename="../../ui/stats_text.py" line="73"/>
        <source>Transfers</source>
        <translation>Overføringer</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="47"/>
        <source>Answered calls that ended transferred.</source>
        <translation>Besvarte anrop som endte med overføring.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="48"/>
        <location filename="../../ui/stats_text.py" line="73"/>
        <source>Recalls</source>
        <translation>Tilbakekomster</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="48"/>
        <source>Calls that came back to the operator after a failed or unanswered transfer.</source>
        <translation>Anrop som kom tilbake til sentralbordet etter en mislykket eller ubesvart overføring.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="50"/>
        <location filename="../../ui/stats_text.py" line="74"/>
        <source>Call-backs done</source>
        <translation>Utførte tilbakeringinger</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="50"/>
        <source>Call-back list entries marked done.</source>
        <translation>Oppføringer på tilbakeringingslisten som er merket som utført.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="55"/>
        <source>Hour</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="55"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="56"/>
        <source>Week</source>
        <translation>Uke</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="56"/>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="57"/>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="57"/>
        <source>Console</source>
        <translation>Konsoll</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="65"/>
        <source>Short abandons (&lt;= %1 s)</source>
        <translation>Korte avbrudd (&lt;= %1 s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="67"/>
        <source>Mean wait (s)</source>
        <translation>Gjennomsnittlig ventetid (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="67"/>
        <source>Median wait (s)</source>
        <translation>Median ventetid (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="68"/>
        <source>90th percentile wait (s)</source>
        <translation>Ventetid, 90. persentil (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="69"/>
        <source>Mean abandoned after (s)</source>
        <translation>Avbrutt etter, gjennomsnitt (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="70"/>
        <source>Median abandoned after (s)</source>
        <translation>Avbrutt etter, median (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="71"/>
        <source>Mean time to connect (s)</source>
        <translation>Tid til setting over, gjennomsnitt (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="72"/>
        <source>Median time to connect (s)</source>
        <translation>Tid til setting over, median (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="78"/>
        <source>Service level %1 s</source>
        <translation>Servicenivå %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="83"/>
        <source>Total</source>
        <translation>Totalt</translation>
    </message>
</context>
<context>
    <name>StatsFlow</name>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="111"/>
        <source>Calls %1 to %2</source>
        <translation>Anrop %1 til %2</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="138"/>
        <source>Figures</source>
        <translation>Tall</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="138"/>
        <source>Definitions</source>
        <translation>Definisjoner</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="140"/>
        <source>Could not write %1: %2</source>
        <translation>Kunne ikke skrive %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="143"/>
        <source>Exported to %1</source>
        <translation>Eksportert til %1</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="148"/>
        <source>The first day is after the last day: choose a period that runs forward.</source>
        <translation>Første dag er etter siste dag: velg en periode som går fremover.</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="150"/>
        <source>These figures cannot be shown: %1</source>
        <translation>Tallene kan ikke vises: %1</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="155"/>
        <source>No incoming calls were logged in this period.</source>
        <translation>Ingen innkommende anrop ble logget i perioden.</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="157"/>
        <source>Days without any call logged (the console may have been closed): %1</source>
        <translation>Dager uten loggede anrop (konsollen kan ha vært lukket): %1</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../ui/stats_view.py" line="57"/>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="58"/>
        <source>To date (not included)</source>
        <translation>Til dato (ikke medregnet)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="62"/>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="63"/>
        <source>Export CSV…</source>
        <translation>Eksporter CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="64"/>
        <source>Export Excel…</source>
        <translation>Eksporter Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="91"/>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="91"/>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="92"/>
        <source>By</source>
        <translation>Per</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="106"/>
        <source>Figures</source>
        <translation>Tall</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="107"/>
        <source>Charts</source>
        <translation>Diagrammer</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="108"/>
        <source>Definitions</source>
        <translation>Definisjoner</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="129"/>
        <source>Export the figures</source>
        <translation>Eksporter tallene</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="130"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="130"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbeidsbøker (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="143"/>
        <source>Waiting now: %1</source>
        <translation>Venter nå: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="144"/>
        <source>Longest wait: %1</source>
        <translation>Lengste ventetid: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="146"/>
        <source>Answered today: %1</source>
        <translation>Besvart i dag: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="147"/>
        <source>Service level today (%1 s): %2</source>
        <translation>Servicenivå i dag (%1 s): %2</translation>
    </message>
</context>
<context>
    <name>StatsWiring</name>
    <message>
        <location filename="../../app/stats/wiring.py" line="25"/>
        <source>Statistics</source>
        <translation>Statistikk</translation>
    </message>
    <message>
        <location filename="../../app/stats/wiring.py" line="57"/>
        <source>Statistics: show the supervisor view</source>
        <translation>Statistikk: vis ledervisningen</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <location filename="../../ui/status_text.py" line="36"/>
        <source>%1 until %2</source>
        <translation>%1 til %2</translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="40"/>
        <source>No directory</source>
        <translation>Ingen katalog</translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="43"/>
        <source>Demo directory</source>
        <translation>Demokatalog</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="44"/>
        <source>%1 · %n entries</source>
        <translation>
            <numerusform>%1 · %n oppføring</numerusform>
            <numerusform>%1 · %n oppføringer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="53"/>
        <source>Calendars: %n source(s)</source>
        <translation>
            <numerusform>Kalendere: %n kilde</numerusform>
            <numerusform>Kalendere: %n kilder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="55"/>
        <source>Calendars: %1 of %2 failing: %3</source>
        <translation>Kalendere: %1 av %2 feiler: %3</translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="60"/>
        <source>updated just now</source>
        <translation>oppdatert nå nettopp</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="62"/>
        <source>updated %n minute(s) ago</source>
        <translation>
            <numerusform>oppdatert for %n minutt siden</numerusform>
            <numerusform>oppdatert for %n minutter siden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="64"/>
        <source>updated %n hour(s) ago</source>
        <translation>
            <numerusform>oppdatert for %n time siden</numerusform>
            <numerusform>oppdatert for %n timer siden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitingTitle</name>
    <message>
        <location filename="../../ui/waiting_title.py" line="28"/>
        <source>%1 (%2) · longest %3</source>
        <translation>%1 (%2) · lengst %3</translation>
    </message>
</context>
<context>
    <name>WindowState</name>
    <message>
        <location filename="../../ui/window_state.py" line="39"/>
        <source>Larger text</source>
        <translation>Større tekst</translation>
    </message>
    <message>
        <location filename="../../ui/window_state.py" line="39"/>
        <source>Smaller text</source>
        <translation>Mindre tekst</translation>
    </message>
    <message>
        <location filename="../../ui/window_state.py" line="40"/>
        <source>Default text size</source>
        <translation>Normal tekststørrelse</translation>
    </message>
</context>
</TS>
