//! Guest values with rules: a pasted guest list ("Name <email>", "email",
//! or "name,email"), and a guest's answer with its companions and note.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::base::{
    account::EmailAddress,
    error::{AppError, Mistakes},
    l10n::page_lang,
};

/// A guest read from one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestLine {
    pub name: String,
    pub email: EmailAddress,
}

/// A line that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectedLine {
    /// 1-based, as the host sees it in the text box.
    pub line: usize,
    pub text: String,
    pub reason: String,
}

const NAME_MAX: usize = 100;

/// Reads every non-empty line. The same email twice counts once (the first
/// name that is not empty wins); unreadable lines come back with a reason.
pub fn parse_guest_lines(text: &str) -> (Vec<GuestLine>, Vec<RejectedLine>) {
    let mut guests: Vec<GuestLine> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut rejected = Vec::new();
    let entries = text
        .lines()
        .enumerate()
        .flat_map(|(i, raw)| entries_of(raw).into_iter().map(move |e| (i, e)));
    for (i, line) in entries {
        match parse_line(line) {
            Ok(guest) => match seen.get(guest.email.as_str()) {
                Some(&at) => {
                    if guests[at].name.is_empty() {
                        guests[at].name = guest.name;
                    }
                }
                None => {
                    seen.insert(guest.email.as_str().to_owned(), guests.len());
                    guests.push(guest);
                }
            },
            Err(reason) => rejected.push(RejectedLine {
                line: i + 1,
                text: line.to_owned(),
                reason,
            }),
        }
    }
    (guests, rejected)
}

/// One guest from a name and an email typed in separate fields.
pub fn parse_guest(name: &str, email: &str) -> Result<GuestLine, String> {
    let email = EmailAddress::parse(email, "email").map_err(|e| e.to_string())?;
    Ok(GuestLine {
        name: clean_name(name)?,
        email,
    })
}

/// A guest typed into a form (the host's "Add a guest", the share link's
/// "Join"), with every mistake next to its field. `name_needed` when the
/// guest must give a name.
pub fn guest_form(name: &str, email: &str, name_needed: bool) -> Result<GuestLine, AppError> {
    let mut mistakes = Mistakes::default();
    if name_needed && name.trim().is_empty() {
        mistakes.note("name", tr!(page_lang(), GUEST_ERROR_NAME_NEEDED));
    }
    let name = clean_name(name)
        .map_err(|msg| mistakes.note("name", msg))
        .ok();
    let email = mistakes.check(EmailAddress::parse(email, "email"));
    mistakes.finish()?;
    match (name, email) {
        (Some(name), Some(email)) => Ok(GuestLine { name, email }),
        _ => Err(AppError::Internal),
    }
}

/// The guests on one pasted line: one, or several as mail clients copy
/// them (`Inès <a@x>; Jules <b@x>`, `a@x, b@x`). A comma splits only when
/// every part holds an address, so `Ana Lima,ana@example.com` stays one
/// guest; separators inside quotes or `<…>` do not split.
fn entries_of(line: &str) -> Vec<&str> {
    let split = |text: &'_ str, sep: char| -> Vec<(usize, usize)> {
        let (mut parts, mut start, mut quoted, mut angled) = (Vec::new(), 0, false, false);
        for (at, c) in text.char_indices() {
            match c {
                '"' => quoted = !quoted,
                '<' if !quoted => angled = true,
                '>' if !quoted => angled = false,
                c if c == sep && !quoted && !angled => {
                    parts.push((start, at));
                    start = at + c.len_utf8();
                }
                _ => {}
            }
        }
        parts.push((start, text.len()));
        parts
    };
    let mut entries = Vec::new();
    for (a, b) in split(line, ';') {
        let part = &line[a..b];
        let pieces: Vec<&str> = split(part, ',')
            .into_iter()
            .map(|(x, y)| &part[x..y])
            .collect();
        if pieces.len() > 1 && pieces.iter().all(|p| p.contains('@')) {
            entries.extend(pieces);
        } else {
            entries.push(part);
        }
    }
    entries
        .into_iter()
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect()
}

fn parse_line(line: &str) -> Result<GuestLine, String> {
    if let Some((name, rest)) = line.split_once('<') {
        let email = rest
            .strip_suffix('>')
            .ok_or_else(|| tr!(page_lang(), PASTE_ERROR_CLOSE_ANGLE))?;
        return parse_guest(name.trim().trim_matches('"'), email);
    }
    if let Some((name, email)) = line.split_once(',') {
        let (name, email) = (
            name.trim().trim_matches('"'),
            email.trim().trim_matches('"'),
        );
        if name.contains('@') && !email.contains('@') {
            // "email,name" is common too.
            return parse_guest(email, name);
        }
        return parse_guest(name, email);
    }
    parse_guest("", line)
}

fn clean_name(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.chars().count() > NAME_MAX {
        return Err(tr!(page_lang(), PASTE_ERROR_NAME_LONG, max = NAME_MAX));
    }
    if name.chars().any(char::is_control) {
        return Err(tr!(page_lang(), PASTE_ERROR_NAME_CONTROL));
    }
    Ok(name.to_owned())
}

/// A guest's answer, parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    Maybe,
    No,
}

impl Answer {
    pub fn parse(raw: &str) -> Result<Answer, AppError> {
        match raw {
            "yes" => Ok(Answer::Yes),
            "maybe" => Ok(Answer::Maybe),
            "no" => Ok(Answer::No),
            _ => Err(AppError::invalid(
                "rsvp",
                tr!(page_lang(), ERROR_CHOOSE_RSVP),
            )),
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Maybe => "maybe",
            Answer::No => "no",
        }
    }
}

/// The longest note a guest may leave the host.
pub const NOTE_MAX: usize = 500;

/// A guest's answer with what comes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rsvp {
    pub answer: Answer,
    /// Companions coming along (none with a no).
    pub companions: i64,
    pub note: String,
    /// "Send me the brand's news" (a box left unticked unless ticked).
    pub news: bool,
}

/// What is wrong with an answer's companions or note.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RsvpError {
    #[error("Bring between 0 and 3 companions.")]
    Companions,
    #[error("Keep the note under {NOTE_MAX} characters.")]
    NoteTooLong,
}

impl RsvpError {
    /// The mistake as the guest reads it in `lang`.
    pub fn message(&self, lang: crate::base::l10n::Lang) -> String {
        match self {
            RsvpError::Companions => tr!(lang, GUEST_ERROR_COMPANIONS),
            RsvpError::NoteTooLong => tr!(lang, GUEST_ERROR_NOTE_LONG, max = NOTE_MAX),
        }
    }

    /// The form field the mistake is in.
    pub fn field(&self) -> &'static str {
        match self {
            RsvpError::Companions => "companions",
            RsvpError::NoteTooLong => "note",
        }
    }
}

impl Rsvp {
    /// With the answer to the news question.
    pub fn with_news(self, news: bool) -> Rsvp {
        Rsvp { news, ..self }
    }

    /// The answer as sent: a no brings no companions; the note is trimmed.
    pub fn new(answer: Answer, companions: Option<i64>, note: Option<&str>) -> Rsvp {
        Rsvp {
            answer,
            companions: if answer == Answer::No {
                0
            } else {
                companions.unwrap_or(0)
            },
            note: note.unwrap_or_default().trim().to_owned(),
            news: false,
        }
    }

    /// Checks the companions (0 to 3) and the note's length.
    pub fn check(&self) -> Result<(), RsvpError> {
        if !(0..=3).contains(&self.companions) {
            return Err(RsvpError::Companions);
        }
        if self.note.chars().count() > NOTE_MAX {
            return Err(RsvpError::NoteTooLong);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lists_as_mail_clients_copy_them() {
        let text = "Inès <ines@example.com>; Jules <jules@example.com>\n\
                    kim@example.com, lou@example.com;  \"Lima, Ana\" <ana@example.com>\n\
                    Max Roy,max@example.com\nbad; ok@example.com";
        let (guests, rejected) = parse_guest_lines(text);
        let pairs: Vec<(&str, &str)> = guests
            .iter()
            .map(|g| (g.name.as_str(), g.email.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("Inès", "ines@example.com"),
                ("Jules", "jules@example.com"),
                ("", "kim@example.com"),
                ("", "lou@example.com"),
                ("Lima, Ana", "ana@example.com"),
                ("Max Roy", "max@example.com"),
                ("", "ok@example.com"),
            ]
        );
        assert_eq!(rejected.len(), 1);
        assert_eq!((rejected[0].line, rejected[0].text.as_str()), (4, "bad"));
    }

    #[test]
    fn reads_the_three_forms_merges_duplicates_and_reports_the_rest() {
        let text =
            "Ana Lima <Ana@Example.com>\n\nbob@example.com\nChloé Petit, chloe@example.com\n\
                    ana@example.com\nnot an email\nDan <dan@example\nBob Stone,bob@example.com\n";
        let (guests, rejected) = parse_guest_lines(text);
        let pairs: Vec<(&str, &str)> = guests
            .iter()
            .map(|g| (g.name.as_str(), g.email.as_str()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                ("Ana Lima", "ana@example.com"),
                ("Bob Stone", "bob@example.com"),
                ("Chloé Petit", "chloe@example.com"),
            ]
        );
        let lines: Vec<usize> = rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![6, 7]);
        assert!(rejected[1].reason.contains('>'));
    }

    #[test]
    fn email_then_name_is_understood() {
        let (guests, _) = parse_guest_lines("eve@example.com, Eve Adams");
        assert_eq!(guests[0].name, "Eve Adams");
    }
}
