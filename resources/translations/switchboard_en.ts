<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CallLogModel</name>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="69"/>
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n call</numerusform>
            <numerusform>%n calls</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="69"/>
        <source>%n answered</source>
        <translation>
            <numerusform>%n answered</numerusform>
            <numerusform>%n answered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/call_log_model.py" line="70"/>
        <source>%n gave up</source>
        <translation>
            <numerusform>%n gave up</numerusform>
            <numerusform>%n gave up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message numerus="yes">
        <location filename="../../ui/close_dialog.py" line="31"/>
        <source>%n call(s) still up. Closing must not lose them.</source>
        <translation>
            <numerusform>%n call is still up. Closing must not lose it.</numerusform>
            <numerusform>%n calls are still up. Closing must not lose them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="301"/>
        <source>Configuration problems: %n (see &apos;switchboard config check&apos;)</source>
        <translation>
            <numerusform>Configuration problem: %n (see &apos;switchboard config check&apos;)</numerusform>
            <numerusform>Configuration problems: %n (see &apos;switchboard config check&apos;)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="342"/>
        <source>Syncing %1: %n entries read</source>
        <translation>
            <numerusform>Syncing %1: %n entry read</numerusform>
            <numerusform>Syncing %1: %n entries read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="356"/>
        <source>Directory sync from %1 failed: %2. Searching the last good copy; next try in %n minute(s).</source>
        <translation>
            <numerusform>Directory sync from %1 failed: %2. Searching the last good copy; next try in %n minute.</numerusform>
            <numerusform>Directory sync from %1 failed: %2. Searching the last good copy; next try in %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageFlow</name>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="148"/>
        <source>%n without an address for this channel: %1</source>
        <translation>
            <numerusform>%n person without an address for this channel: %1</numerusform>
            <numerusform>%n people without an address for this channel: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="162"/>
        <source>%1 characters, %n SMS</source>
        <translation>
            <numerusform>%1 characters, %n SMS</numerusform>
            <numerusform>%1 characters, %n SMS</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/messages/message_flow.py" line="194"/>
        <source>Send this message to %n recipients?</source>
        <translation>
            <numerusform>Send this message to %n recipient?</numerusform>
            <numerusform>Send this message to %n recipients?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageLogModel</name>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="69"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="69"/>
        <source>%n delivered</source>
        <translation>
            <numerusform>%n delivered</numerusform>
            <numerusform>%n delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/message_log_model.py" line="70"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferralText</name>
    <message numerus="yes">
        <location filename="../../ui/referral_text.py" line="47"/>
        <source>in %n min</source>
        <translation>
            <numerusform>in %n min</numerusform>
            <numerusform>in %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/referral_text.py" line="50"/>
        <source>in %n h</source>
        <translation>
            <numerusform>in %n h</numerusform>
            <numerusform>in %n h</numerusform>
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
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusText</name>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="44"/>
        <source>%1 · %n entries</source>
        <translation>
            <numerusform>%1 · %n entry</numerusform>
            <numerusform>%1 · %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="53"/>
        <source>Calendars: %n source(s)</source>
        <translation>
            <numerusform>Calendars: %n source</numerusform>
            <numerusform>Calendars: %n sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="62"/>
        <source>updated %n minute(s) ago</source>
        <translation>
            <numerusform>updated %n minute ago</numerusform>
            <numerusform>updated %n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/status_text.py" line="64"/>
        <source>updated %n hour(s) ago</source>
        <translation>
            <numerusform>updated %n hour ago</numerusform>
            <numerusform>updated %n hours ago</numerusform>
        </translation>
    </message>
</context>
</TS>
