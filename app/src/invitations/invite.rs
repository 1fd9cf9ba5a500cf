//! Invitation links and the invitation email with its calendar file.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::base::{l10n::Lang, mail::OutgoingMail};

/// A fresh random nonce: a new one revokes the previous link.
pub fn new_nonce() -> String {
    crate::base::tokens::random_hex::<16>()
}

/// The link token of a nonce: HMAC-SHA256 under the server key (256 bits).
/// The database holds the nonce and the token's hash, never the token.
pub fn token(key: &[u8], nonce: &str) -> String {
    use base64::Engine as _;
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(b"soiree-invitation:");
    mac.update(nonce.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

/// What an invitation says about its event.
pub struct InviteFacts<'a> {
    /// The party's language: the mail and its calendar file are in it.
    pub lang: Lang,
    pub event_id: i64,
    pub title: &'a str,
    pub host_first_name: &'a str,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub zone: Tz,
    pub online: bool,
    pub link: &'a str,
    pub uid_host: &'a str,
    /// The host, who organises: the calendar file and answers by mail name them.
    pub host_name: &'a str,
    pub host_email: &'a str,
    /// The calendar's SEQUENCE: raised by each change of time or place and
    /// by a cancellation, so that a calendar replaces the copy it holds.
    pub sequence: i64,
    /// Where, as the calendar shows it: the address, for a guest who said
    /// yes to a party at home; empty otherwise (the page tells the rest).
    pub location: &'a str,
    /// The party is off: the file cancels the copy a calendar holds.
    pub cancelled: bool,
}

/// Text for a calendar property (RFC 5545, 3.3.11): backslashes, `;`, `,`
/// and line breaks (`\n`, `\r\n` or a lone `\r`) escaped, a tab made a
/// space and every other control character dropped, so that no field can
/// start a line of its own.
fn ics_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A parameter value (the organiser's name, RFC 5545, 3.2): quoted, without
/// double quotes or control characters, which a parameter cannot carry.
fn ics_param(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    format!("\"{text}\"")
}

/// An address (the link, the organiser's mail): without spaces or control
/// characters, which no address has.
fn ics_uri(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// A content line folded at 75 octets (RFC 5545, 3.1): the rest goes on
/// lines that start with a space, never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out
}

/// The event as an iCalendar file to add to a calendar, in the event's own
/// zone. It is published (METHOD:PUBLISH), not a request: a request would
/// make mail clients offer Yes/No buttons whose answers never reach Soirée;
/// guests answer on their page. Every file of a party has the same UID; a
/// later one (a new time or place, a cancellation) has a higher SEQUENCE and
/// replaces it in the calendar.
pub fn ics(facts: &InviteFacts, now: DateTime<Utc>) -> String {
    let local = |t: DateTime<Utc>| {
        t.with_timezone(&facts.zone)
            .format("%Y%m%dT%H%M%S")
            .to_string()
    };
    let tz = facts.zone.name();
    let status = if facts.cancelled {
        "STATUS:CANCELLED"
    } else {
        "STATUS:CONFIRMED"
    };
    let location = if facts.location.is_empty() {
        String::new()
    } else {
        format!("LOCATION:{}", ics_escape(facts.location))
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Soiree//Invitations//EN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:event-{}@{}", facts.event_id, facts.uid_host),
        format!("SEQUENCE:{}", facts.sequence),
        status.to_owned(),
        format!("DTSTAMP:{}", now.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;TZID={tz}:{}", local(facts.starts_at)),
        format!("DTEND;TZID={tz}:{}", local(facts.ends_at)),
        format!("SUMMARY:{}", ics_escape(facts.title)),
        location,
        format!(
            "DESCRIPTION:{}",
            ics_escape(&tr!(
                facts.lang,
                MAIL_INVITE_ICS_DESCRIPTION,
                link = facts.link
            ))
        ),
        format!("URL:{}", ics_uri(facts.link)),
        format!(
            "ORGANIZER;CN={}:mailto:{}",
            ics_param(facts.host_name),
            ics_uri(facts.host_email)
        ),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    let mut out = String::new();
    for line in lines.iter().filter(|l| !l.is_empty()) {
        out.push_str(&fold(line));
        out.push_str("\r\n");
    }
    out
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The calendar file a mail carries: its name, type and bytes.
pub fn calendar_file(facts: &InviteFacts, now: DateTime<Utc>) -> (String, String, Vec<u8>) {
    (
        "invitation.ics".to_owned(),
        "text/calendar; charset=utf-8; method=PUBLISH".to_owned(),
        ics(facts, now).into_bytes(),
    )
}

/// The invitation email for one guest.
pub fn invitation_mail(
    facts: &InviteFacts,
    guest_name: &str,
    guest_email: &str,
    now: DateTime<Utc>,
) -> OutgoingMail {
    let lang = facts.lang;
    let when = format!(
        "{} ({})",
        crate::base::l10n::fmt::datetime_long(lang, facts.starts_at, facts.zone),
        facts.zone.name()
    );
    let place = if facts.online {
        tr!(lang, MAIL_INVITE_ONLINE)
    } else {
        tr!(lang, MAIL_INVITE_AT_HOME)
    };
    let hello = if guest_name.is_empty() {
        tr!(lang, MAIL_HELLO)
    } else {
        tr!(lang, MAIL_HELLO_NAME, name = guest_name)
    };
    let invites = |title: &str| {
        tr!(
            lang,
            MAIL_INVITE_BODY,
            host = facts.host_first_name,
            title = title,
            when = when.as_str(),
            place = place.as_str()
        )
    };
    let answer = tr!(lang, MAIL_INVITE_ANSWER);
    let personal = tr!(lang, MAIL_INVITE_PERSONAL, host = facts.host_first_name);
    let text = format!(
        "{hello}\n\n{}\n\n{}\n{}\n\n{personal}\n",
        invites(facts.title),
        tr!(lang, MAIL_INVITE_ANSWER_HERE),
        facts.link,
    );
    let html = format!(
        "<p>{}</p><p>{}</p><p><a href=\"{}\">{}</a></p><p style=\"color:#555\">{}</p>",
        html_escape(&hello),
        html_escape(&invites(facts.title)),
        html_escape(facts.link),
        html_escape(&answer),
        html_escape(&personal),
    );
    OutgoingMail {
        to_name: guest_name.to_owned(),
        to_email: guest_email.to_owned(),
        subject: tr!(
            lang,
            MAIL_INVITE_SUBJECT,
            host = facts.host_first_name,
            title = facts.title
        ),
        text,
        html,
        attachments: vec![calendar_file(facts, now)],
        event_id: Some(facts.event_id),
        reply_to: Some((facts.host_name.to_owned(), facts.host_email.to_owned())),
        unsubscribe: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn tokens_depend_on_key_and_nonce() {
        let a = token(b"key-one", "n1");
        assert_eq!(a, token(b"key-one", "n1"));
        assert_ne!(a, token(b"key-two", "n1"));
        assert_ne!(a, token(b"key-one", "n2"));
        assert!(a.len() >= 43, "256 bits");
    }

    /// Camille's party on 5 December 2026 in Paris, as an invitation says it.
    fn facts<'a>(title: &'a str, host_name: &'a str) -> InviteFacts<'a> {
        InviteFacts {
            lang: Lang::En,
            event_id: 7,
            title,
            host_first_name: "Camille",
            starts_at: Utc.with_ymd_and_hms(2026, 12, 5, 18, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2026, 12, 5, 21, 0, 0).unwrap(),
            zone: chrono_tz::Europe::Paris,
            online: false,
            link: "https://soiree.example/i/abc",
            uid_host: "soiree.example",
            host_name,
            host_email: "camille@example.com",
            sequence: 0,
            location: "",
            cancelled: false,
        }
    }

    #[test]
    fn the_calendar_file_is_in_the_event_zone() {
        let facts = facts("Candles, wine; friends", "Camille Martin");
        let ics = ics(&facts, Utc::now());
        assert!(ics.contains("METHOD:PUBLISH\r\n"));
        assert!(ics.contains("ORGANIZER;CN=\"Camille Martin\":mailto:camille@example.com\r\n"));
        assert!(
            !ics.contains("RSVP"),
            "no answer buttons that never reach Soirée"
        );
        assert!(ics.contains("UID:event-7@soiree.example\r\n"));
        assert!(ics.contains("DTSTART;TZID=Europe/Paris:20261205T190000\r\n"));
        assert!(ics.contains("SUMMARY:Candles\\, wine\\; friends\r\n"));
    }

    #[test]
    fn no_field_starts_a_line_of_its_own() {
        let facts = facts(
            "Fun\r\nATTENDEE:mailto:x@evil.example\rBEGIN:VALARM\nEND:VEVENT\u{7}\u{0}\tend",
            "Camille \"Cam\"\r\nX-EVIL:1;Martin:",
        );
        let ics = ics(&facts, Utc::now());
        assert!(
            ics.contains(
                "SUMMARY:Fun\\nATTENDEE:mailto:x@evil.example\\nBEGIN:VALARM\\nEND:VEVENT end\r\n"
            ),
            "{ics}"
        );
        assert!(
            ics.contains(
                "ORGANIZER;CN=\"Camille CamX-EVIL:1;Martin:\":mailto:camille@example.com\r\n"
            ),
            "{ics}"
        );
        // Each line starts with a property of ours: no bare CR or LF inside one.
        for line in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(!line.contains(['\r', '\n']), "{line:?}");
            assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
        }
        let begins = ics
            .split("\r\n")
            .filter(|l| l.starts_with("BEGIN:"))
            .count();
        assert_eq!(begins, 2, "{ics}");
    }

    #[test]
    fn a_change_keeps_the_uid_and_raises_the_sequence() {
        let first = ics(&facts("Candles", "Camille Martin"), Utc::now());
        assert!(first.contains("SEQUENCE:0\r\n"));
        assert!(first.contains("STATUS:CONFIRMED\r\n"));
        assert!(!first.contains("LOCATION"), "no address before a yes");
        let mut moved = facts("Candles", "Camille Martin");
        moved.sequence = 1;
        moved.location = "9 rue Saint-Jean, Lyon";
        let moved = ics(&moved, Utc::now());
        assert!(moved.contains("UID:event-7@soiree.example\r\n"));
        assert!(moved.contains("SEQUENCE:1\r\n"));
        assert!(moved.contains("LOCATION:9 rue Saint-Jean\\, Lyon\r\n"));
        let mut off = facts("Candles", "Camille Martin");
        off.sequence = 2;
        off.cancelled = true;
        let off = ics(&off, Utc::now());
        assert!(off.contains("UID:event-7@soiree.example\r\n"));
        assert!(off.contains("SEQUENCE:2\r\nSTATUS:CANCELLED\r\n"));
    }

    #[test]
    fn long_lines_are_folded_between_characters() {
        let title = "Soirée bougies ".repeat(12);
        let ics = ics(&facts(&title, "Camille Martin"), Utc::now());
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{title}\r\n")));
    }
}
