<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
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
        <translation>Telefonistkonsol: mjukvarutelefon, personalkatalog och hänvisningar.</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="47"/>
        <source>Switchboard is free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later). It includes the components below, each under its own licence.</source>
        <translation>Switchboard är fri programvara under GNU General Public License, version 3 eller senare (GPL-3.0-or-later). Den innehåller komponenterna nedan, var och en under sin egen licens.</translation>
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
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="53"/>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
</context>
<context>
    <name>Announcer</name>
    <message>
        <location filename="../../ui/announcer.py" line="28"/>
        <source>The last new caller, warning or error</source>
        <translation>Senaste nya uppringare, varning eller fel</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="29"/>
        <location filename="../../ui/announcer.py" line="58"/>
        <source>No announcements</source>
        <translation>Inga meddelanden</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="62"/>
        <source>Unknown caller</source>
        <translation>Okänd uppringare</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="64"/>
        <source>Caller waiting: %1, %2</source>
        <translation>Väntande samtal: %1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="65"/>
        <source>Caller waiting: %1</source>
        <translation>Väntande samtal: %1</translation>
    </message>
    <message>
        <location filename="../../ui/announcer.py" line="67"/>
        <source>Emergency call: %1</source>
        <translation>Nödsamtal: %1</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>Acts on the message beside it</source>
        <translation>Utför det meddelandet bredvid föreslår</translation>
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
        <translation>Uppringare</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="25"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="25"/>
        <source>Dialled</source>
        <translation>Slaget nummer</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="25"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="26"/>
        <source>Waited</source>
        <translation>Väntade</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="26"/>
        <source>To connect</source>
        <translation>Till kopplat</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="26"/>
        <source>Transferred to</source>
        <translation>Kopplat till</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="26"/>
        <source>Console</source>
        <translation>Konsol</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="36"/>
        <source>Withheld</source>
        <translation>Dolt nummer</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="42"/>
        <source>recalled</source>
        <translation>återkom</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="53"/>
        <source>handled</source>
        <translation>besvarat</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="53"/>
        <source>transferred</source>
        <translation>kopplat</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="54"/>
        <source>gave up waiting</source>
        <translation>lade på i kön</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="54"/>
        <source>gave up on hold</source>
        <translation>lade på parkerad</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="55"/>
        <source>gave up during transfer</source>
        <translation>lade på under koppling</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="55"/>
        <source>rejected</source>
        <translation>avvisat</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="56"/>
        <source>outgoing</source>
        <translation>utgående</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="56"/>
        <source>answered, never connected</source>
        <translation>besvarat, aldrig kopplat</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="57"/>
        <source>unanswered (ring limit)</source>
        <translation>obesvarat (ringgräns)</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="57"/>
        <source>refused: console full</source>
        <translation>avvisat: konsolen full</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="69"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n samtal</numerusform>
            <numerusform>%n samtal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="69"/>
        <source>%n answered</source>
        <translation>
            <numerusform>%n besvarat</numerusform>
            <numerusform>%n besvarade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="70"/>
        <source>%n gave up</source>
        <translation>
            <numerusform>%n lade på</numerusform>
            <numerusform>%n lade på</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="72"/>
        <source>median wait %1</source>
        <translation>median väntetid %1</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_model.py" line="74"/>
        <source>median time to connect %1</source>
        <translation>median tid till kopplat %1</translation>
    </message>
</context>
<context>
    <name>CallLogPanel</name>
    <message>
        <location filename="../../ui/call_log_panel.py" line="18"/>
        <source>Search the call log: name, number, transferred to…</source>
        <translation>Sök i samtalsloggen: namn, nummer, kopplat till…</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_panel.py" line="18"/>
        <source>Search the call log</source>
        <translation>Sök i samtalsloggen</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_panel.py" line="19"/>
        <source>Type a name or number to find past calls</source>
        <translation>Skriv ett namn eller nummer för att hitta tidigare samtal</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_panel.py" line="19"/>
        <source>Call log</source>
        <translation>Samtalslogg</translation>
    </message>
    <message>
        <location filename="../../ui/call_log_panel.py" line="20"/>
        <source>Past calls, newest first: who, when, outcome and waiting time</source>
        <translation>Tidigare samtal, senaste först: vem, när, utfall och väntetid</translation>
    </message>
</context>
<context>
    <name>CallbackFlow</name>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="177"/>
        <source>That call-back is no longer on the list</source>
        <translation>Den återuppringningen finns inte längre på listan</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="182"/>
        <source>%1 is already being called back by %2</source>
        <translation>%1 rings redan upp av %2</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="185"/>
        <source>%1 has already been called back by %2</source>
        <translation>%1 har redan ringts upp av %2</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="188"/>
        <source>%1 changed meanwhile; the list shows it as it is now</source>
        <translation>%1 ändrades under tiden; listan visar hur det ser ut nu</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="193"/>
        <source>The call-back list cannot be changed now: the shared store cannot be reached (callers who gave up are kept on this PC and saved once it is back)</source>
        <translation>Återuppringningslistan kan inte ändras nu: den delade databasen kan inte nås (uppringare som gav upp sparas på den här datorn och lagras när den är tillbaka)</translation>
    </message>
    <message>
        <location filename="../../app/calls/callback_flow.py" line="197"/>
        <source>The call-back list could not be saved or read: %1 (callers who gave up are kept on this console and saved later)</source>
        <translation>Återuppringningslistan kunde inte sparas eller läsas: %1 (uppringare som lade på behålls på den här konsolen och sparas senare)</translation>
    </message>
</context>
<context>
    <name>CallbackModel</name>
    <message>
        <location filename="../../ui/callback_model.py" line="45"/>
        <source>Caller</source>
        <translation>Uppringare</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="45"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="45"/>
        <source>Dialled</source>
        <translation>Slaget nummer</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="45"/>
        <source>Hung up at</source>
        <translation>Lade på</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="46"/>
        <source>While</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="46"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="72"/>
        <source>waiting</source>
        <translation>i kö</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="72"/>
        <location filename="../../ui/callback_model.py" line="73"/>
        <source>on hold</source>
        <translation>i vänteläge</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="74"/>
        <source>being transferred</source>
        <translation>under koppling</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="81"/>
        <source>you are calling</source>
        <translation>du ringer</translation>
    </message>
    <message>
        <location filename="../../ui/callback_model.py" line="82"/>
        <source>taken by %1</source>
        <translation>tagen av %1</translation>
    </message>
</context>
<context>
    <name>CallerCard</name>
    <message>
        <location filename="../../ui/caller_card.py" line="61"/>
        <source>Current call</source>
        <translation>Aktuellt samtal</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="69"/>
        <source>Three-way call with %1</source>
        <translation>Trepartssamtal med %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="70"/>
        <source>Consulting %1</source>
        <translation>Konsulterar %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="72"/>
        <source>Transferring to %1</source>
        <translation>Kopplar till %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="74"/>
        <source>Back from %1</source>
        <translation>Tillbaka från %1</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="75"/>
        <source>Recall</source>
        <translation>Återkoppling</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="77"/>
        <source>Waiting in the queue</source>
        <translation>Väntar i kön</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="80"/>
        <source>On hold</source>
        <translation>I vänteläge</translation>
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
        <translation>Samtal pågår</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="84"/>
        <source>Held by caller</source>
        <translation>Satt i vänteläge av motparten</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="87"/>
        <source>Calling</source>
        <translation>Ringer upp</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="88"/>
        <source>Ringing at the other end</source>
        <translation>Det ringer hos mottagaren</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="89"/>
        <source>Connecting</source>
        <translation>Kopplar upp</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="91"/>
        <source>Ended</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="126"/>
        <location filename="../../ui/caller_card.py" line="129"/>
        <source>No call</source>
        <translation>Inget samtal</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="133"/>
        <source>EMERGENCY</source>
        <translation>LARM</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="133"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="136"/>
        <source>muted</source>
        <translation>mikrofon av</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="139"/>
        <source>Unknown caller</source>
        <translation>Okänd uppringare</translation>
    </message>
    <message>
        <location filename="../../ui/caller_card.py" line="144"/>
        <source>dialled %1</source>
        <translation>ringde %1</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <location filename="../../ui/close_dialog.py" line="30"/>
        <source>Calls are still up</source>
        <translation>Samtal pågår fortfarande</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/close_dialog.py" line="31"/>
        <source>%n call(s) still up. Closing must not lose them.</source>
        <translation>
            <numerusform>%n samtal pågår. De får inte gå förlorade när du stänger.</numerusform>
            <numerusform>%n samtal pågår. De får inte gå förlorade när du stänger.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/close_dialog.py" line="34"/>
        <source>Hand back: waiting callers go back to the exchange, the others are transferred to %1.</source>
        <translation>Lämna tillbaka: väntande uppringare går tillbaka till växeln, övriga kopplas till %1.</translation>
    </message>
    <message>
        <location filename="../../ui/close_dialog.py" line="36"/>
        <source>&amp;Hand back to %1</source>
        <translation>&amp;Lämna tillbaka till %1</translation>
    </message>
    <message>
        <location filename="../../ui/close_dialog.py" line="38"/>
        <source>&amp;End all calls</source>
        <translation>&amp;Avsluta alla samtal</translation>
    </message>
    <message>
        <location filename="../../ui/close_dialog.py" line="39"/>
        <source>&amp;Stay</source>
        <translation>&amp;Stanna kvar</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/referral_conflict.py" line="37"/>
        <source>Changed meanwhile: %1</source>
        <translation>Ändrad under tiden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="39"/>
        <source>Yours: %1</source>
        <translation>Din: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="40"/>
        <source>&amp;Keep theirs</source>
        <translation>&amp;Behåll den andras</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="41"/>
        <source>&amp;Overwrite with mine</source>
        <translation>&amp;Skriv över med min</translation>
    </message>
</context>
<context>
    <name>Console</name>
    <message>
        <location filename="../../app/lookup/console.py" line="151"/>
        <source>Building the search index…</source>
        <translation>Bygger sökindexet…</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="131"/>
        <source>Loading directory…</source>
        <translation>Läser in katalogen…</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="154"/>
        <source>The directory could not be opened: %1</source>
        <translation>Katalogen kunde inte öppnas: %1</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="156"/>
        <source>No directory</source>
        <translation>Ingen katalog</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="159"/>
        <source>Directory as last read on this PC</source>
        <translation>Katalogen som den senast lästes på den här datorn</translation>
    </message>
    <message>
        <location filename="../../app/lookup/console.py" line="163"/>
        <source>Loading the demo directory…</source>
        <translation>Läser in demokatalogen…</translation>
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
        <translation>Uppringare</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="123"/>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="124"/>
        <source>Dialled</source>
        <translation>Slaget nummer</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="124"/>
        <source>Waiting</source>
        <translation>Väntat</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="125"/>
        <source>Held</source>
        <translation>Vänteläge</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="125"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="125"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="125"/>
        <source>Mode</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="126"/>
        <source>Since</source>
        <translation>Sedan</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="126"/>
        <source>Why</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="131"/>
        <source>EMERGENCY</source>
        <translation>LARM</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="132"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="161"/>
        <source>Transferring</source>
        <translation>Kopplas</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="163"/>
        <source>Three-way call</source>
        <translation>Trepartssamtal</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="165"/>
        <source>Transfer (recall if unanswered)</source>
        <translation>Koppling (återkommer om ingen svarar)</translation>
    </message>
    <message>
        <location filename="../../ui/desk_model.py" line="166"/>
        <source>Talking to target</source>
        <translation>Samtal med mottagaren</translation>
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
        <translation>Väntande samtal</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="120"/>
        <source>On hold</source>
        <translation>I vänteläge</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="121"/>
        <source>Consultations</source>
        <translation>Förfrågningar</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="122"/>
        <source>Recalls</source>
        <translation>Återkomna samtal</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="123"/>
        <source>Call back</source>
        <translation>Ring upp</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="164"/>
        <location filename="../../ui/desk_panel.py" line="185"/>
        <source>No calls waiting</source>
        <translation>Inga samtal väntar</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="169"/>
        <source>Select a waiting call first</source>
        <translation>Välj ett väntande samtal först</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="199"/>
        <source>No call to hold or take back</source>
        <translation>Inget samtal att sätta i vänteläge eller ta tillbaka</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="206"/>
        <location filename="../../ui/desk_panel.py" line="250"/>
        <source>No call for that</source>
        <translation>Inget samtal för det</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="215"/>
        <source>Select a person or number in the directory first</source>
        <translation>Välj en person eller ett nummer i katalogen först</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="277"/>
        <source>A caller is on hold: select a waiting call to decline it</source>
        <translation>En uppringare är i vänteläge: markera ett väntande samtal för att avvisa det</translation>
    </message>
    <message>
        <location filename="../../ui/desk_panel.py" line="338"/>
        <source>%1 has been on hold for %2</source>
        <translation>%1 har varit i vänteläge i %2</translation>
    </message>
</context>
<context>
    <name>DeskShortcuts</name>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="35"/>
        <source>Answer the next waiting call (emergency, priority, then longest waiting)</source>
        <translation>Svara på nästa väntande samtal (larm, prioritet, sedan längst väntat)</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="37"/>
        <source>Answer the selected waiting call</source>
        <translation>Svara på det valda väntande samtalet</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="38"/>
        <source>Hold the current call, or take back the selected held call or recall</source>
        <translation>Sätt aktuellt samtal i vänteläge, eller ta tillbaka det valda samtalet i vänteläge eller återkomna samtalet</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="40"/>
        <source>Consult: call the selected directory number, caller on hold</source>
        <translation>Förfrågan: ring det valda numret i katalogen, uppringaren i vänteläge</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="41"/>
        <source>Connect the caller to the consulted person</source>
        <translation>Koppla uppringaren till den du frågade</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="42"/>
        <source>End the consultation and go back to the caller (also after a failed one)</source>
        <translation>Avsluta förfrågan och gå tillbaka till uppringaren (även efter en misslyckad)</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="44"/>
        <source>Switch between the caller and the consulted person</source>
        <translation>Växla mellan uppringaren och den du frågade</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="45"/>
        <source>Three-way call: the caller, the consulted person and you</source>
        <translation>Trepartssamtal: uppringaren, den du frågade och du</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="46"/>
        <source>Transfer to the selected number; comes back if not answered</source>
        <translation>Koppla till det valda numret; kommer tillbaka om ingen svarar</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="47"/>
        <source>Blind transfer to the selected number</source>
        <translation>Koppla direkt (utan förfrågan) till det valda numret</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="48"/>
        <source>Hang up the current call (during a consultation: end it); with no call, decline the selected (or next) waiting one; with a caller on hold, only a selected one</source>
        <translation>Lägg på det aktuella samtalet (under en konsultation: avsluta den); utan samtal, avvisa det markerade (eller nästa) väntande; med en uppringare i vänteläge, bara ett markerat</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="51"/>
        <source>Reject the selected (or next) waiting call as busy: the exchange offers it on</source>
        <translation>Avvisa det markerade (eller nästa) väntande samtalet som upptaget: växeln erbjuder det vidare</translation>
    </message>
    <message>
        <location filename="../../ui/desk_shortcuts.py" line="53"/>
        <source>Remove the selected call-back entry</source>
        <translation>Ta bort den valda posten i listan Ring upp</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="55"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="62"/>
        <source>Referral history</source>
        <translation>Hänvisningshistorik</translation>
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
        <translation>I morgon: %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="95"/>
        <source>Work</source>
        <translation>Arbete</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="95"/>
        <source>Switchboard</source>
        <translation>Växel</translation>
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
        <translation>Personsökare</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="97"/>
        <source>Fax</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="97"/>
        <source>Other</source>
        <translation>Övrigt</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="119"/>
        <source>No one selected</source>
        <translation>Ingen vald</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="50"/>
        <source>Type a name, unit, title or number to search.</source>
        <translation>Skriv ett namn, en enhet, en titel eller ett nummer för att söka.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="138"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="140"/>
        <source>Location</source>
        <translation>Plats</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="140"/>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="143"/>
        <source>Keywords</source>
        <translation>Nyckelord</translation>
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
        <translation>Kopiera</translation>
    </message>
</context>
<context>
    <name>FavouritesFlow</name>
    <message>
        <location filename="../../app/lookup/favourites_flow.py" line="112"/>
        <source>The favourite was not saved: %1</source>
        <translation>Favoriten sparades inte: %1</translation>
    </message>
</context>
<context>
    <name>FavouritesPanel</name>
    <message>
        <location filename="../../ui/favourites_panel.py" line="49"/>
        <source>Favourites</source>
        <translation>Favoriter</translation>
    </message>
    <message>
        <location filename="../../ui/favourites_panel.py" line="50"/>
        <source>People and units kept at hand, with their line state; Enter dials</source>
        <translation>Personer och enheter nära till hands, med linjestatus; Enter ringer upp</translation>
    </message>
    <message>
        <location filename="../../ui/favourites_panel.py" line="51"/>
        <source>Ctrl+L adds the selected person or unit.</source>
        <translation>Ctrl+L lägger till den valda personen eller enheten.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../app/lookup/live_updates.py" line="71"/>
        <source>Live updates are back</source>
        <translation>Liveuppdateringarna fungerar igen</translation>
    </message>
    <message>
        <location filename="../../app/lookup/live_updates.py" line="77"/>
        <source>Live updates from the shared store are interrupted (%1); reconnecting</source>
        <translation>Liveuppdateringarna från den delade databasen är avbrutna (%1); ansluter igen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Switchboard</source>
        <translation>Växel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Search name, unit, title or number…</source>
        <translation>Sök namn, enhet, titel eller nummer…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>Search the directory</source>
        <translation>Sök i katalogen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146"/>
        <source>Type a name, unit, title or number; the results follow as you type. Enter dials the selection.</source>
        <translation>Skriv namn, enhet, titel eller nummer; resultaten följer medan du skriver. Enter ringer upp den valda.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>Search results</source>
        <translation>Sökresultat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="173"/>
        <source>People and units found, with their status. Enter dials, F4 sets a referral.</source>
        <translation>Personer och enheter som hittats, med status. Enter ringer upp, F4 sätter en hänvisning.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="178"/>
        <source>Selected entry</source>
        <translation>Vald post</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Numbers, status and notes of the selected person or unit, and what to tell the caller</source>
        <translation>Nummer, status och anteckningar för vald person eller enhet, och vad du ska säga till den som ringer</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="223"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <source>&amp;About Switchboard</source>
        <translation>&amp;Om Switchboard</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="287"/>
        <source>%1: the arrow keys move between rows; F1 lists the keys that act on them</source>
        <translation>%1: piltangenterna flyttar mellan raderna; F1 visar tangenterna som verkar på dem</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>No directory is configured on this computer. Import one with &apos;switchboard directory import FILE&apos;, configure a source, or try the demo.</source>
        <translation>Ingen katalog är konfigurerad på den här datorn. Importera en med &apos;switchboard directory import FIL&apos;, konfigurera en källa eller prova demon.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Open the demo</source>
        <translation>Öppna demon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>Demo organisation: fictional people and numbers, not your data.</source>
        <translation>Demoorganisation: påhittade personer och nummer, inte era uppgifter.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="324"/>
        <source>Configuration problems: %n (see &apos;switchboard config check&apos;)</source>
        <translation>
            <numerusform>Konfigurationsproblem: %n (se &apos;switchboard config check&apos;)</numerusform>
            <numerusform>Konfigurationsproblem: %n (se &apos;switchboard config check&apos;)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>Call log</source>
        <translation>Samtalslogg</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Call log: show and search it</source>
        <translation>Samtalslogg: visa och sök</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384"/>
        <source>The phone is not started: %1</source>
        <translation>Telefonen är inte startad: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="389"/>
        <source>Syncing %1: %n entries read</source>
        <translation>
            <numerusform>Synkar %1: %n post läst</numerusform>
            <numerusform>Synkar %1: %n poster lästa</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="394"/>
        <source>%1 synced: %2 added, %3 updated, %4 removed</source>
        <translation>%1 synkad: %2 tillagda, %3 uppdaterade, %4 borttagna</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="403"/>
        <source>Directory sync from %1 failed: %2. Searching the last good copy; next try in %n minute(s).</source>
        <translation>
            <numerusform>Katalogsynk från %1 misslyckades: %2. Sökningen använder senaste fungerande kopia; nytt försök om %n minut.</numerusform>
            <numerusform>Katalogsynk från %1 misslyckades: %2. Sökningen använder senaste fungerande kopia; nytt försök om %n minuter.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="413"/>
        <source>Connected to the exchange&apos;s queue</source>
        <translation>Ansluten till växelns kö</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="416"/>
        <source>The exchange&apos;s queue cannot be reached (%1). Reconnecting; callers waiting there are not shown meanwhile.</source>
        <translation>Växelns kö går inte att nå (%1). Ansluter igen; de som väntar där visas inte under tiden.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>Demo: callers wait at a private exchange queue</source>
        <translation>Demo: uppringarna väntar i en egen växelkö</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="424"/>
        <source>Kamailio holds the callers; F2 picks the first, Shift+F2 the selected one.</source>
        <translation>Kamailio håller uppringarna; F2 tar den första, Skift+F2 den markerade.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="427"/>
        <source>Demo: callers ring this console&apos;s own line</source>
        <translation>Demo: uppringarna ringer den här konsolens egen linje</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>No private exchange queue: %1</source>
        <translation>Ingen egen växelkö: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="490"/>
        <source>Favourites</source>
        <translation>Favoriter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="501"/>
        <source>Handing calls back to %1…</source>
        <translation>Lämnar tillbaka samtal till %1…</translation>
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
        <translation>Personsökare / DECT</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="46"/>
        <source>queued</source>
        <translation>i kö</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="46"/>
        <source>sending</source>
        <translation>skickas</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="47"/>
        <source>sent</source>
        <translation>skickat</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="47"/>
        <source>delivered</source>
        <translation>levererat</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="48"/>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="110"/>
        <source>No message channel is configured ([messages] in the settings).</source>
        <translation>Ingen meddelandekanal är inställd ([messages] i inställningarna).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="148"/>
        <source>%n without an address for this channel: %1</source>
        <translation>
            <numerusform>%n saknar adress för den här kanalen: %1</numerusform>
            <numerusform>%n saknar adress för den här kanalen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="162"/>
        <source>%1 characters, %n SMS</source>
        <translation>
            <numerusform>%1 tecken, %n SMS</numerusform>
            <numerusform>%1 tecken, %n SMS</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="165"/>
        <source>%1 of %2 characters</source>
        <translation>%1 av %2 tecken</translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="168"/>
        <source>%1 characters</source>
        <translation>%1 tecken</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="194"/>
        <source>Send this message to %n recipients?</source>
        <translation>
            <numerusform>Skicka meddelandet till %n mottagare?</numerusform>
            <numerusform>Skicka meddelandet till %n mottagare?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/messages/message_flow.py" line="209"/>
        <source>The store is not open yet; try again in a moment.</source>
        <translation>Databasen är inte öppen än; försök igen om en stund.</translation>
    </message>
</context>
<context>
    <name>MessageForm</name>
    <message>
        <location filename="../../ui/message_form.py" line="41"/>
        <source>Message to staff</source>
        <translation>Meddelande till personal</translation>
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
        <translation>En mottagare per rad: nummer eller adress, sedan ett kommatecken och namnet</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="48"/>
        <source>Recipients</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="49"/>
        <source>Import…</source>
        <translation>Importera…</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="52"/>
        <location filename="../../ui/message_form.py" line="77"/>
        <source>Template</source>
        <translation>Mall</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="56"/>
        <source>Message text</source>
        <translation>Meddelandetext</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="62"/>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="62"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="62"/>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="66"/>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="69"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="76"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="78"/>
        <source>Subject</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="79"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="105"/>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="127"/>
        <source>Send to a group</source>
        <translation>Skicka till en grupp</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="152"/>
        <source>Import recipients</source>
        <translation>Importera mottagare</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="153"/>
        <source>Lists (*.csv *.txt *.xlsx)</source>
        <translation>Listor (*.csv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/message_form.py" line="153"/>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
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
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="22"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="22"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="23"/>
        <source>Sent by</source>
        <translation>Skickat av</translation>
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
        <translation>Personsökare / DECT</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="55"/>
        <source>queued</source>
        <translation>i kö</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="55"/>
        <source>sending</source>
        <translation>skickas</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="55"/>
        <source>sent</source>
        <translation>skickat</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="56"/>
        <source>delivered</source>
        <translation>levererat</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_model.py" line="56"/>
        <source>failed</source>
        <translation>misslyckades</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="69"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n meddelande</numerusform>
            <numerusform>%n meddelanden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="69"/>
        <source>%n delivered</source>
        <translation>
            <numerusform>%n levererat</numerusform>
            <numerusform>%n levererade</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="70"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n misslyckades</numerusform>
            <numerusform>%n misslyckades</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageLogPanel</name>
    <message>
        <location filename="../../ui/message_log_panel.py" line="19"/>
        <source>Search the messages: recipient, number, sender, text…</source>
        <translation>Sök i meddelandena: mottagare, nummer, avsändare, text…</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_panel.py" line="20"/>
        <source>Search the message log</source>
        <translation>Sök i meddelandeloggen</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_panel.py" line="20"/>
        <source>Type a name, number or word to find messages</source>
        <translation>Skriv ett namn, nummer eller ord för att hitta meddelanden</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_panel.py" line="21"/>
        <source>Message log</source>
        <translation>Meddelandelogg</translation>
    </message>
    <message>
        <location filename="../../ui/message_log_panel.py" line="22"/>
        <source>Messages to staff, newest first: when, channel, to whom, text and state</source>
        <translation>Meddelanden till personal, nyaste först: när, kanal, till vem, text och läge</translation>
    </message>
</context>
<context>
    <name>MessagesWiring</name>
    <message>
        <location filename="../../app/messages/wiring.py" line="70"/>
        <source>Message to staff: SMS, e-mail or pager to the selected person or unit, from the current call</source>
        <translation>Meddelande till personal: SMS, e-post eller personsökare till vald person eller enhet, från pågående samtal</translation>
    </message>
    <message>
        <location filename="../../app/messages/wiring.py" line="79"/>
        <source>Messages</source>
        <translation>Meddelanden</translation>
    </message>
</context>
<context>
    <name>NoteConflictDialog</name>
    <message>
        <location filename="../../ui/referral_conflict.py" line="103"/>
        <source>The note was removed meanwhile.</source>
        <translation>Anteckningen togs bort under tiden.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="104"/>
        <source>Another operator</source>
        <translation>En annan telefonist</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="106"/>
        <source>%1 changed the note to “%2” at %3.</source>
        <translation>%1 ändrade anteckningen till ”%2” kl. %3.</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/note_dialog.py" line="26"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="30"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="33"/>
        <source>Add as a &amp;new note</source>
        <translation>Lägg till som &amp;ny anteckning</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="48"/>
        <source>Note on %1</source>
        <translation>Anteckning om %1</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="59"/>
        <source>Type a note.</source>
        <translation>Skriv en anteckning.</translation>
    </message>
    <message>
        <location filename="../../ui/note_dialog.py" line="62"/>
        <source>A note has at most %1 characters.</source>
        <translation>En anteckning har högst %1 tecken.</translation>
    </message>
</context>
<context>
    <name>NoteFlow</name>
    <message>
        <location filename="../../app/lookup/note_flow.py" line="35"/>
        <source>Write or edit the selected person&apos;s note</source>
        <translation>Skriv eller ändra den valda personens anteckning</translation>
    </message>
    <message>
        <location filename="../../app/lookup/note_flow.py" line="108"/>
        <source>Kept the other operator&apos;s note on %1.</source>
        <translation>Behöll den andra telefonistens anteckning om %1.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../ui/notice_bar.py" line="36"/>
        <source>Notice board</source>
        <translation>Anslagstavla</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="37"/>
        <source>Clear</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="38"/>
        <source>Stop showing the newest notice on every console</source>
        <translation>Sluta visa det nyaste anslaget på alla konsoler</translation>
    </message>
</context>
<context>
    <name>NoticeFlow</name>
    <message>
        <location filename="../../app/notices/flow.py" line="42"/>
        <source>Notice board: post a message every console of the organisation shows</source>
        <translation>Anslagstavla: sätt upp ett meddelande som alla organisationens konsoler visar</translation>
    </message>
    <message>
        <location filename="../../app/notices/flow.py" line="77"/>
        <source>The store is not open yet; try again in a moment.</source>
        <translation>Databasen är inte öppen än; försök igen om en stund.</translation>
    </message>
    <message>
        <location filename="../../app/notices/flow.py" line="100"/>
        <source>The notice was not posted: %1</source>
        <translation>Anslaget sattes inte upp: %1</translation>
    </message>
    <message>
        <location filename="../../app/notices/flow.py" line="117"/>
        <source>%1 until %2: %3</source>
        <translation>%1 till %2: %3</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../ui/notice_bar.py" line="65"/>
        <source>Post a notice to every console</source>
        <translation>Sätt upp ett anslag på alla konsoler</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="68"/>
        <location filename="../../ui/notice_bar.py" line="82"/>
        <source>Notice</source>
        <translation>Anslag</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="70"/>
        <location filename="../../ui/notice_bar.py" line="83"/>
        <source>Shown for</source>
        <translation>Visas i</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="71"/>
        <source>30 minutes</source>
        <translation>30 minuter</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="71"/>
        <source>1 hour</source>
        <translation>1 timme</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="71"/>
        <source>2 hours</source>
        <translation>2 timmar</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="72"/>
        <source>4 hours</source>
        <translation>4 timmar</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="72"/>
        <source>8 hours</source>
        <translation>8 timmar</translation>
    </message>
    <message>
        <location filename="../../ui/notice_bar.py" line="78"/>
        <source>Post</source>
        <translation>Sätt upp</translation>
    </message>
</context>
<context>
    <name>OfflineMode</name>
    <message>
        <location filename="../../app/lookup/offline.py" line="52"/>
        <source>The shared store cannot be reached (%1). Showing referrals, notes and call-backs as last read; changes are refused until it is back.</source>
        <translation>Den delade databasen kan inte nås (%1). Hänvisningar, anteckningar och återuppringningar visas som de senast lästes; ändringar nekas tills den är tillbaka.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="60"/>
        <source>The shared store cannot be reached (%1) and this PC has no copy of its referrals, notices and call-backs yet; changes are refused until it is back.</source>
        <translation>Den delade databasen kan inte nås (%1) och den här datorn har ännu ingen kopia av dess hänvisningar, anslag och återuppringningar; ändringar nekas tills den är tillbaka.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="66"/>
        <source>The shared store cannot be reached (%1). Working from this PC&apos;s copy of %2: referrals, notices, call-backs and favourites as they were then; changes are refused until it is back.</source>
        <translation>Den delade databasen kan inte nås (%1). Arbetar från den här datorns kopia från %2: hänvisningar, anslag, återuppringningar och favoriter som de var då; ändringar nekas tills den är tillbaka.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="70"/>
        <source>The directory has not been read on this PC yet: search finds no one until then.</source>
        <translation>Katalogen har ännu inte lästs in på den här datorn: sökningen hittar ingen förrän dess.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="100"/>
        <source>The shared store is back: changes can be made again</source>
        <translation>Den delade databasen är tillbaka: ändringar kan göras igen</translation>
    </message>
    <message>
        <location filename="../../app/lookup/offline.py" line="106"/>
        <source>Not saved: the shared store cannot be reached. Changes can be made again once it is back.</source>
        <translation>Inte sparat: den delade databasen kan inte nås. Ändringar kan göras igen när den är tillbaka.</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../../ui/phone_panel.py" line="77"/>
        <source>Answer</source>
        <translation>Svara</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="78"/>
        <source>Busy</source>
        <translation>Upptaget</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="79"/>
        <location filename="../../ui/phone_panel.py" line="212"/>
        <source>Hang up</source>
        <translation>Lägg på</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="80"/>
        <location filename="../../ui/phone_panel.py" line="214"/>
        <source>Hold</source>
        <translation>Vänteläge</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="81"/>
        <source>Mute</source>
        <translation>Mikrofon av</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="93"/>
        <source>Answer the ringing call</source>
        <translation>Svara på samtalet som ringer</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="94"/>
        <source>Reject the ringing call as busy</source>
        <translation>Avvisa samtalet som ringer med upptaget</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="95"/>
        <source>End or decline the selected call</source>
        <translation>Avsluta eller avvisa det valda samtalet</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="96"/>
        <source>Put the call on hold or take it back</source>
        <translation>Parkera samtalet eller ta tillbaka det</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="97"/>
        <source>Turn the microphone off or on</source>
        <translation>Stäng av eller slå på mikrofonen</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="100"/>
        <source>Sends %1 to the other party as a tone</source>
        <translation>Skickar %1 som ton till motparten</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="123"/>
        <source>Keypad</source>
        <translation>Knappsats</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="127"/>
        <source>Shows or hides the keys for sending tones</source>
        <translation>Visar eller döljer knapparna för att skicka toner</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="133"/>
        <source>Send tone %1</source>
        <translation>Skicka ton %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="182"/>
        <source>Phone ready</source>
        <translation>Telefonen är redo</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="184"/>
        <source>Phone connecting…</source>
        <translation>Telefonen ansluter…</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="188"/>
        <source>Phone NOT registered: %1</source>
        <translation>Telefonen är INTE registrerad: %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="191"/>
        <source>(retrying in %1 s)</source>
        <translation>(försöker igen om %1 s)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="193"/>
        <source>Phone off: calls cannot be made or received</source>
        <translation>Telefonen är avstängd: inga samtal kan ringas eller tas emot</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="212"/>
        <source>Decline</source>
        <translation>Avvisa</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="214"/>
        <source>Resume</source>
        <translation>Återuppta</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="240"/>
        <source>Unknown caller</source>
        <translation>Okänd uppringare</translation>
    </message>
    <message>
        <location filename="../../ui/phone_panel.py" line="243"/>
        <source>Call with %1 ended: %2</source>
        <translation>Samtalet med %1 avslutades: %2</translation>
    </message>
</context>
<context>
    <name>PhoneText</name>
    <message>
        <location filename="../../ui/phone_text.py" line="21"/>
        <source>secure connection to the registrar failed (TLS): %1</source>
        <translation>säker anslutning till registraren misslyckades (TLS): %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="23"/>
        <source>registrar host name could not be resolved (DNS)</source>
        <translation>registrarens värdnamn kunde inte slås upp (DNS)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="24"/>
        <source>wrong user name or password (%1)</source>
        <translation>fel användarnamn eller lösenord (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="25"/>
        <source>registration refused by the server (403 Forbidden)</source>
        <translation>registreringen nekades av servern (403 Forbidden)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="26"/>
        <source>unknown user at the registrar (404)</source>
        <translation>okänd användare hos registraren (404)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="27"/>
        <source>registrar did not answer (timeout)</source>
        <translation>registraren svarade inte (tidsgräns)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="28"/>
        <source>connection to the registrar was lost</source>
        <translation>anslutningen till registraren bröts</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="29"/>
        <source>registrar unreachable (connection refused)</source>
        <translation>registraren går inte att nå (anslutningen nekades)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="30"/>
        <source>registrar error (%1)</source>
        <translation>fel hos registraren (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="32"/>
        <source>registration failed (%1)</source>
        <translation>registreringen misslyckades (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="39"/>
        <source>The phone is not started.</source>
        <translation>Telefonen är inte startad.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="40"/>
        <source>That call has ended.</source>
        <translation>Det samtalet har avslutats.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="41"/>
        <source>That call is not ringing.</source>
        <translation>Det samtalet ringer inte.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="42"/>
        <source>The call is not connected yet.</source>
        <translation>Samtalet är inte uppkopplat än.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="43"/>
        <source>The caller already has a consultation.</source>
        <translation>Den som ringer har redan en förfrågan.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="44"/>
        <source>There is no consultation to complete or cancel.</source>
        <translation>Det finns ingen förfrågan att slutföra eller avbryta.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="45"/>
        <source>“%1” is not a number or SIP address.</source>
        <translation>”%1” är inte ett nummer eller en SIP-adress.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="46"/>
        <source>The phone refused: %1</source>
        <translation>Telefonen vägrade: %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="55"/>
        <source>A colleague took that caller first.</source>
        <translation>En kollega tog den uppringaren först.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="56"/>
        <source>That caller is no longer waiting.</source>
        <translation>Den uppringaren väntar inte längre.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="57"/>
        <source>Sign in to the queue to take callers.</source>
        <translation>Logga in i kön för att ta samtal.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="58"/>
        <source>The exchange refused this console: check its queue token.</source>
        <translation>Växeln nekade den här konsolen: kontrollera dess kötoken.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="59"/>
        <source>The exchange&apos;s queue cannot be reached.</source>
        <translation>Växelns kö går inte att nå.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="60"/>
        <source>The exchange&apos;s certificate is not trusted: check its CA file.</source>
        <translation>Växelns certifikat är inte betrott: kontrollera dess CA-fil.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="61"/>
        <source>The exchange is busy: try again in a moment.</source>
        <translation>Växeln är upptagen: försök igen om en stund.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="62"/>
        <source>Your phone has no room for another call.</source>
        <translation>Din telefon har inte plats för fler samtal.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="63"/>
        <source>A caller is already on the way to you.</source>
        <translation>Ett samtal är redan på väg till dig.</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="65"/>
        <source>The exchange refused: %1</source>
        <translation>Växeln nekade: %1</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="69"/>
        <source>no audio from the other party for %1 s (RTP timeout)</source>
        <translation>inget ljud från den andra parten på %1 s (RTP-tidsgräns)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="71"/>
        <source>unanswered for %1 s (ring limit)</source>
        <translation>obesvarat i %1 s (ringgräns)</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="73"/>
        <source>hung up</source>
        <translation>lade på</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="74"/>
        <source>the other party hung up</source>
        <translation>den andra parten lade på</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="75"/>
        <source>rejected as busy</source>
        <translation>avvisat som upptaget</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="76"/>
        <location filename="../../ui/phone_text.py" line="80"/>
        <source>declined</source>
        <translation>avvisat</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="77"/>
        <source>transferred</source>
        <translation>kopplat</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="78"/>
        <source>busy</source>
        <translation>upptaget</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="79"/>
        <source>busy everywhere</source>
        <translation>upptaget överallt</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="81"/>
        <source>cancelled</source>
        <translation>avbrutet</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="82"/>
        <source>the caller hung up before it was answered</source>
        <translation>den som ringde lade på innan samtalet besvarades</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="83"/>
        <source>number not found</source>
        <translation>numret finns inte</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="84"/>
        <source>not available</source>
        <translation>inte tillgänglig</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="85"/>
        <source>no answer</source>
        <translation>inget svar</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="86"/>
        <source>incomplete number</source>
        <translation>ofullständigt nummer</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="87"/>
        <source>no common audio format</source>
        <translation>inget gemensamt ljudformat</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="88"/>
        <source>call refused</source>
        <translation>samtalet nekades</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="89"/>
        <source>service unavailable</source>
        <translation>tjänsten är inte tillgänglig</translation>
    </message>
    <message>
        <location filename="../../ui/phone_text.py" line="90"/>
        <source>call failed</source>
        <translation>samtalet misslyckades</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/qt_buttons.py" line="13"/>
        <source>OK</source>
        <translation>Ok</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="14"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="15"/>
        <source>Save All</source>
        <translation>Spara allt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="16"/>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="17"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="18"/>
        <source>Yes to &amp;All</source>
        <translation>Ja till &amp;allt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="19"/>
        <source>&amp;No</source>
        <translation>&amp;Nej</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="20"/>
        <source>N&amp;o to All</source>
        <translation>N&amp;ej till allt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="21"/>
        <source>Abort</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="22"/>
        <source>Retry</source>
        <translation>Försök igen</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="23"/>
        <source>Ignore</source>
        <translation>Ignorera</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="24"/>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="25"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="26"/>
        <source>Discard</source>
        <translation>Förkasta</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="27"/>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="28"/>
        <source>Apply</source>
        <translation>Verkställ</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="29"/>
        <source>Reset</source>
        <translation>Nollställ</translation>
    </message>
    <message>
        <location filename="../../ui/qt_buttons.py" line="30"/>
        <source>Restore Defaults</source>
        <translation>Nollställ till standard</translation>
    </message>
</context>
<context>
    <name>QueueStatus</name>
    <message>
        <location filename="../../ui/queue_status.py" line="24"/>
        <source>Taking callers from the exchange&apos;s queue</source>
        <translation>Tar emot inringare från växelns kö</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="40"/>
        <source>Available</source>
        <translation>Tillgänglig</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="40"/>
        <source>Paused</source>
        <translation>Pausad</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="41"/>
        <source>Callers at the exchange&apos;s queue may be picked here; click to pause</source>
        <translation>Inringare i växelns kö kan tas här; klicka för att pausa</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="43"/>
        <source>No caller is offered to this console; click to take callers</source>
        <translation>Inga inringare erbjuds den här konsolen; klicka för att ta emot inringare</translation>
    </message>
    <message>
        <location filename="../../ui/queue_status.py" line="44"/>
        <source>Operators in: %1</source>
        <translation>Inloggade telefonister: %1</translation>
    </message>
</context>
<context>
    <name>ReferralConflictDialog</name>
    <message>
        <location filename="../../ui/referral_conflict.py" line="71"/>
        <source>Another operator changed this referral meanwhile.</source>
        <translation>En annan telefonist ändrade hänvisningen under tiden.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="72"/>
        <source>Another operator</source>
        <translation>En annan telefonist</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="75"/>
        <source>%1 cleared “%2” at %3.</source>
        <translation>%1 tog bort ”%2” kl. %3.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="78"/>
        <source>%1 scheduled “%2” at %3.</source>
        <translation>%1 schemalade ”%2” kl. %3.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_conflict.py" line="79"/>
        <source>%1 set “%2” at %3.</source>
        <translation>%1 satte ”%2” kl. %3.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <location filename="../../ui/referral_dialog.py" line="84"/>
        <source>Referral for %1</source>
        <translation>Hänvisning för %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="90"/>
        <source>Now: %1</source>
        <translation>Nu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="92"/>
        <source>Type to choose: lunch, meeting, …</source>
        <translation>Skriv för att välja: lunch, möte, …</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="101"/>
        <source>13, 13:30, tomorrow 8, fri 12, 2/12, +30</source>
        <translation>13, 13:30, imorgon 8, fre 12, 2/12, +30</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="105"/>
        <source>Now; or e.g. next week, mon, 2/12</source>
        <translation>Nu; eller t.ex. nästa vecka, mån, 2/12</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="112"/>
        <source>&amp;Code</source>
        <translation>&amp;Kod</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="114"/>
        <source>&amp;Back</source>
        <translation>&amp;Tillbaka</translation>
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
        <translation>&amp;Börjar</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="126"/>
        <source>Set referral</source>
        <translation>Sätt hänvisning</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="128"/>
        <source>Clear referral</source>
        <translation>Ta bort hänvisning</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="238"/>
        <source>A number to call instead</source>
        <translation>Ett nummer att ringa i stället</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="239"/>
        <source>A colleague to put callers through to</source>
        <translation>En kollega att koppla till</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="240"/>
        <source>A unit, and its number</source>
        <translation>En enhet och dess nummer</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="241"/>
        <source>Empty: the switchboard helps the caller</source>
        <translation>Tomt: växeln hjälper den som ringer</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="260"/>
        <source>from %1</source>
        <translation>från %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="261"/>
        <source>from now</source>
        <translation>från nu</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="271"/>
        <source>back %1 (%2)</source>
        <translation>tillbaka %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="279"/>
        <source>empty: back %1</source>
        <translation>tomt: tillbaka %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_dialog.py" line="281"/>
        <source>empty: until cleared</source>
        <translation>tomt: tills den tas bort</translation>
    </message>
</context>
<context>
    <name>ReferralFlow</name>
    <message>
        <location filename="../../app/lookup/referral_flow.py" line="80"/>
        <source>Replaced: %1</source>
        <translation>Ersatte: %1</translation>
    </message>
    <message>
        <location filename="../../app/lookup/referral_flow.py" line="88"/>
        <source>clear the referral</source>
        <translation>ta bort hänvisningen</translation>
    </message>
    <message>
        <location filename="../../app/lookup/referral_flow.py" line="95"/>
        <source>Kept the other operator&apos;s referral for %1.</source>
        <translation>Behöll den andra telefonistens hänvisning för %1.</translation>
    </message>
    <message>
        <location filename="../../app/lookup/referral_flow.py" line="44"/>
        <source>Referrals cannot be changed now: the shared store cannot be reached. What is shown is as last read.</source>
        <translation>Hänvisningar kan inte ändras nu: den delade databasen kan inte nås. Det som visas är som det senast lästes.</translation>
    </message>
</context>
<context>
    <name>ReferralTargetDialog</name>
    <message>
        <location filename="../../ui/referral_target_dialog.py" line="38"/>
        <source>%1 has a referral</source>
        <translation>%1 har en hänvisning</translation>
    </message>
    <message>
        <location filename="../../ui/referral_target_dialog.py" line="47"/>
        <source>&amp;1  Alternative: %1</source>
        <translation>&amp;1  Alternativ: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_target_dialog.py" line="48"/>
        <source>&amp;2  %1 anyway</source>
        <translation>&amp;2  %1 ändå</translation>
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
        <translation>i morgon %1</translation>
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
            <numerusform>om %n tim</numerusform>
            <numerusform>om %n tim</numerusform>
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
            <numerusform>om %n dagar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="56"/>
        <source>Type a time, e.g. 13, 13:30, tomorrow 8, fri 12, 2/12 or +30.</source>
        <translation>Skriv en tid, t.ex. 13, 13:30, imorgon 8, fre 12, 2/12 eller +30.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="57"/>
        <source>“%1” is not a time, date, weekday or duration.</source>
        <translation>”%1” är inte en tid, ett datum, en veckodag eller en tidslängd.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="58"/>
        <source>“%1” is not a time of day (00:00 to 23:59).</source>
        <translation>”%1” är inte en tid på dygnet (00:00 till 23:59).</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="59"/>
        <source>“%1” is not a date in the calendar.</source>
        <translation>”%1” är inget datum som finns i kalendern.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="60"/>
        <source>“%1” gives a second day or time.</source>
        <translation>”%1” anger en andra dag eller tid.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="61"/>
        <source>%1 has already passed.</source>
        <translation>%1 har redan passerat.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="62"/>
        <source>%1 is more than two years ahead.</source>
        <translation>%1 ligger mer än två år fram i tiden.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="68"/>
        <source>Choose a referral code from the list.</source>
        <translation>Välj en hänvisningskod i listan.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="69"/>
        <source>%1 needs a return time.</source>
        <translation>%1 kräver en tid för återkomst.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="70"/>
        <source>The return time is before the start.</source>
        <translation>Återkomsttiden är före starten.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="71"/>
        <source>The return time has already passed.</source>
        <translation>Återkomsttiden har redan passerat.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="79"/>
        <source>%1 from %2</source>
        <translation>%1 från %2</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="81"/>
        <source>%1 until %2</source>
        <translation>%1 till %2</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="87"/>
        <source>No referral changes recorded.</source>
        <translation>Inga ändringar av hänvisningar registrerade.</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="90"/>
        <source>unknown</source>
        <translation>okänd</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="94"/>
        <source>cleared: %1</source>
        <translation>borttagen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="97"/>
        <source>scheduled: %1</source>
        <translation>schemalagd: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="97"/>
        <source>set: %1</source>
        <translation>satt: %1</translation>
    </message>
    <message>
        <location filename="../../ui/referral_text.py" line="100"/>
        <source>replaced: %1</source>
        <translation>ersatte: %1</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/results_model.py" line="51"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="51"/>
        <source>Title</source>
        <translation>Titel</translation>
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
        <translation>Valfri bokstav eller siffra</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="14"/>
        <source>Search (the search field receives typing from anywhere)</source>
        <translation>Sök (sökfältet tar emot inmatning var du än skriver)</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="15"/>
        <source>Go to the search field and select its text</source>
        <translation>Gå till sökfältet och markera texten</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="16"/>
        <source>Up / Down, Page Up / Page Down</source>
        <translation>Upp / Ned, Page Up / Page Down</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="17"/>
        <source>Move through the results while typing</source>
        <translation>Flytta i träfflistan medan du skriver</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="18"/>
        <source>Use the selected entry</source>
        <translation>Använd den valda posten</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="19"/>
        <source>Clear the search; press again to return to the search field</source>
        <translation>Töm sökningen; tryck igen för att gå tillbaka till sökfältet</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="20"/>
        <source>Set or clear the selected person&apos;s referral</source>
        <translation>Sätt eller ta bort hänvisning för den valda personen</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="21"/>
        <source>Sync the directory now</source>
        <translation>Synka katalogen nu</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="22"/>
        <source>Add the selected entry to the favourites, or remove it</source>
        <translation>Lägg till den valda posten bland favoriterna, eller ta bort den</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="23"/>
        <source>Show these shortcuts</source>
        <translation>Visa de här kortkommandona</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="30"/>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="33"/>
        <source>Key</source>
        <translation>Tangent</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="33"/>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <location filename="../../ui/stats_charts.py" line="55"/>
        <source>Calls per period</source>
        <translation>Samtal per period</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="57"/>
        <location filename="../../ui/stats_text.py" line="23"/>
        <location filename="../../ui/stats_text.py" line="63"/>
        <source>Answered</source>
        <translation>Besvarade</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="58"/>
        <location filename="../../ui/stats_text.py" line="24"/>
        <location filename="../../ui/stats_text.py" line="64"/>
        <source>Abandoned</source>
        <translation>Avbrutna</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="59"/>
        <source>Other</source>
        <translation>Övriga</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="70"/>
        <source>Calls per service</source>
        <translation>Samtal per tjänst</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="73"/>
        <location filename="../../ui/stats_text.py" line="20"/>
        <location filename="../../ui/stats_text.py" line="63"/>
        <source>Offered</source>
        <translation>Erbjudna</translation>
    </message>
    <message>
        <location filename="../../ui/stats_charts.py" line="74"/>
        <location filename="../../ui/stats_text.py" line="77"/>
        <source>Answered within %1 s</source>
        <translation>Besvarade inom %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="23"/>
        <source>Offered calls the operator answered.</source>
        <translation>Erbjudna samtal som telefonisten besvarade.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="27"/>
        <source>Short abandons</source>
        <translation>Korta avbrott</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="27"/>
        <source>Abandoned calls given up within the short-abandon limit (default 5 s); not in the service level.</source>
        <translation>Avbrutna samtal som gav upp inom gränsen för korta avbrott (normalt 5 s); räknas inte in i servicenivån.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="30"/>
        <location filename="../../ui/stats_text.py" line="66"/>
        <source>Rejected</source>
        <translation>Avvisade</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="35"/>
        <source>Answered within N s</source>
        <translation>Besvarade inom N s</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="36"/>
        <source>Answered calls whose wait was N seconds or less.</source>
        <translation>Besvarade samtal som väntade N sekunder eller kortare.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="37"/>
        <source>Service level (N s)</source>
        <translation>Servicenivå (N s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="38"/>
        <source>Answered within N s, divided by offered calls less short abandons.</source>
        <translation>Besvarade inom N s, delat med erbjudna samtal minus korta avbrott.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="39"/>
        <source>Wait</source>
        <translation>Väntetid</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="42"/>
        <source>Abandoned after</source>
        <translation>Avbrutet efter</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="32"/>
        <location filename="../../ui/stats_text.py" line="66"/>
        <source>Overflowed</source>
        <translation>Till överflöde</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="20"/>
        <source>Calls that rang at a console (or found it full), and callers who left the exchange&apos;s queue unanswered.</source>
        <translation>Samtal som ringde på en konsol (eller fann den full), och inringare som lämnade växelns kö obesvarade.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="24"/>
        <source>Offered calls whose caller hung up unanswered, at a console or waiting in the exchange&apos;s queue.</source>
        <translation>Erbjudna samtal där inringaren lade på obesvarad, på en konsol eller i kö i växeln.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="30"/>
        <source>Offered calls declined unanswered: by the operator (busy), a full console or its ring limit.</source>
        <translation>Erbjudna samtal som avvisades obesvarade: av telefonisten (upptaget), av en full konsol eller vid dess ringgräns.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="32"/>
        <source>Callers the exchange&apos;s queue sent on to its overflow number; in the service level, not answered.</source>
        <translation>Inringare som växelns kö skickade vidare till sitt överflödsnummer; ingår i servicenivån som ej besvarade.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="39"/>
        <source>From offered (joining the queue) to answered, over answered calls; mean, median and 90th percentile.</source>
        <translation>Från erbjudet (inträde i kön) till besvarat, över besvarade samtal; medelvärde, median och 90:e percentil.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="42"/>
        <source>From offered (joining the queue) to the caller hanging up, over abandoned calls; mean and median.</source>
        <translation>Från erbjudet (inträde i kön) tills inringaren lade på, över avbrutna samtal; medelvärde och median.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="45"/>
        <source>Time to connect</source>
        <translation>Tid till koppling</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="45"/>
        <source>From answered until transferred or ended, over answered calls; mean and median.</source>
        <translation>Från besvarat tills samtalet kopplades eller avslutades, över besvarade samtal; medelvärde och median.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="47"/>
        <location filename="../../ui/stats_text.py" line="73"/>
        <source>Transfers</source>
        <translation>Kopplingar</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="47"/>
        <source>Answered calls that ended transferred.</source>
        <translation>Besvarade samtal som slutade kopplade.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="48"/>
        <location filename="../../ui/stats_text.py" line="73"/>
        <source>Recalls</source>
        <translation>Återkomster</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="48"/>
        <source>Calls that came back to the operator after a failed or unanswered transfer.</source>
        <translation>Samtal som kom tillbaka till telefonisten efter en misslyckad eller obesvarad koppling.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="50"/>
        <location filename="../../ui/stats_text.py" line="74"/>
        <source>Call-backs done</source>
        <translation>Utförda återuppringningar</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="50"/>
        <source>Call-back list entries marked done.</source>
        <translation>Poster på återuppringningslistan som markerats som klara.</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="55"/>
        <source>Hour</source>
        <translation>Timme</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="55"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="56"/>
        <source>Week</source>
        <translation>Vecka</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="56"/>
        <source>Month</source>
        <translation>Månad</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="57"/>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="57"/>
        <source>Console</source>
        <translation>Konsol</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="65"/>
        <source>Short abandons (&lt;= %1 s)</source>
        <translation>Korta avbrott (&lt;= %1 s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="67"/>
        <source>Mean wait (s)</source>
        <translation>Medelväntetid (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="67"/>
        <source>Median wait (s)</source>
        <translation>Medianväntetid (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="68"/>
        <source>90th percentile wait (s)</source>
        <translation>Väntetid, 90:e percentil (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="69"/>
        <source>Mean abandoned after (s)</source>
        <translation>Avbrutet efter, medel (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="70"/>
        <source>Median abandoned after (s)</source>
        <translation>Avbrutet efter, median (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="71"/>
        <source>Mean time to connect (s)</source>
        <translation>Tid till koppling, medel (s)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_text.py" line="72"/>
        <source>Median time to connect (s)</source>
        <translation>Tid till koppling, median (s)</translation>
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
        <translation>Samtal %1 till %2</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="138"/>
        <source>Figures</source>
        <translation>Siffror</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="138"/>
        <source>Definitions</source>
        <translation>Definitioner</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="140"/>
        <source>Could not write %1: %2</source>
        <translation>Kunde inte skriva %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="143"/>
        <source>Exported to %1</source>
        <translation>Exporterat till %1</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="148"/>
        <source>The first day is after the last day: choose a period that runs forward.</source>
        <translation>Första dagen ligger efter sista dagen: välj en period som går framåt.</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="150"/>
        <source>These figures cannot be shown: %1</source>
        <translation>Siffrorna kan inte visas: %1</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="155"/>
        <source>No incoming calls were logged in this period.</source>
        <translation>Inga inkommande samtal loggades under perioden.</translation>
    </message>
    <message>
        <location filename="../../app/stats/stats_flow.py" line="157"/>
        <source>Days without any call logged (the console may have been closed): %1</source>
        <translation>Dagar utan loggade samtal (konsolen kan ha varit stängd): %1</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../ui/stats_view.py" line="57"/>
        <source>From date</source>
        <translation>Från datum</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="58"/>
        <source>To date (not included)</source>
        <translation>Till datum (ej inräknat)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="62"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="63"/>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="64"/>
        <source>Export Excel…</source>
        <translation>Exportera Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="91"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="91"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="92"/>
        <source>By</source>
        <translation>Per</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="106"/>
        <source>Figures</source>
        <translation>Siffror</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="107"/>
        <source>Charts</source>
        <translation>Diagram</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="108"/>
        <source>Definitions</source>
        <translation>Definitioner</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="129"/>
        <source>Export the figures</source>
        <translation>Exportera siffrorna</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="130"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="130"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-arbetsböcker (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="143"/>
        <source>Waiting now: %1</source>
        <translation>Väntar nu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="144"/>
        <source>Longest wait: %1</source>
        <translation>Längsta väntan: %1</translation>
    </message>
    <message>
        <location filename="../../ui/stats_view.py" line="146"/>
        <source>Answered today: %1</source>
        <translation>Besvarade i dag: %1</translation>
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
        <translation>Statistik</translation>
    </message>
    <message>
        <location filename="../../app/stats/wiring.py" line="57"/>
        <source>Statistics: show the supervisor view</source>
        <translation>Statistik: visa arbetsledarvyn</translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message>
        <location filename="../../ui/status_text.py" line="36"/>
        <source>%1 until %2</source>
        <translation>%1 till %2</translation>
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
            <numerusform>%1 · %n post</numerusform>
            <numerusform>%1 · %n poster</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="53"/>
        <source>Calendars: %n source(s)</source>
        <translation>
            <numerusform>Kalendrar: %n källa</numerusform>
            <numerusform>Kalendrar: %n källor</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="55"/>
        <source>Calendars: %1 of %2 failing: %3</source>
        <translation>Kalendrar: %1 av %2 fungerar inte: %3</translation>
    </message>
    <message>
        <location filename="../../ui/status_text.py" line="60"/>
        <source>updated just now</source>
        <translation>uppdaterad nyss</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="62"/>
        <source>updated %n minute(s) ago</source>
        <translation>
            <numerusform>uppdaterad för %n minut sedan</numerusform>
            <numerusform>uppdaterad för %n minuter sedan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="64"/>
        <source>updated %n hour(s) ago</source>
        <translation>
            <numerusform>uppdaterad för %n timme sedan</numerusform>
            <numerusform>uppdaterad för %n timmar sedan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitingTitle</name>
    <message>
        <location filename="../../ui/waiting_title.py" line="28"/>
        <source>%1 (%2) · longest %3</source>
        <translation>%1 (%2) · längst %3</translation>
    </message>
</context>
<context>
    <name>WindowState</name>
    <message>
        <location filename="../../ui/window_state.py" line="39"/>
        <source>Larger text</source>
        <translation>Större text</translation>
    </message>
    <message>
        <location filename="../../ui/window_state.py" line="39"/>
        <source>Smaller text</source>
        <translation>Mindre text</translation>
    </message>
    <message>
        <location filename="../../ui/window_state.py" line="40"/>
        <source>Default text size</source>
        <translation>Normal textstorlek</translation>
    </message>
</context>
</TS>
