//! What the guest's invitation page (`/i/{token}`) is made from, read
//! before it is rendered, so that the server can serve the page it rendered
//! last for as long as these are the same (`server/src/kept_pages.rs`).
//!
//! The page is made from the invitation's row (read once per request by
//! the language middleware: the guest, the party, its host, the stamp of
//! its cards, the guest's favourites, whether they asked to host and said
//! yes to the news), the guest's polls, what the clock decides
//! ([`InvitationRow::moments`]), the language and the brand's colours.
//! Whatever the page comes to show must come from these, or be added here;
//! `kept_pages.rs` in the API tests changes each of them and looks.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::{
    base::{
        access::ssr::{InvitationRow, Moments},
        db::Db,
        error::AppError,
        l10n::Lang,
        presence::Presence,
    },
    votes::{
        ssr::{read_for_guest, KeptPolls},
        GuestPoll,
    },
};

/// What one guest's invitation page is made from at one moment.
#[derive(Debug, Clone, PartialEq)]
pub struct InvitationInputs {
    pub row: InvitationRow,
    pub lang: Lang,
    /// The brand's colours, as the page carries them.
    pub theme: Option<Arc<str>>,
    pub moments: Moments,
    /// The guest's polls, read while the party takes orders (the page
    /// shows them with its items, and only then).
    pub polls: Option<Vec<GuestPoll>>,
}

impl InvitationInputs {
    /// Reads what the page of `row`'s guest is made from at `now`: the
    /// polls (one statement) while the party takes orders.
    pub async fn read(
        db: &Db,
        row: InvitationRow,
        lang: Lang,
        theme: Option<Arc<str>>,
        now: DateTime<Utc>,
    ) -> Result<InvitationInputs, AppError> {
        let moments = row.moments(now);
        let polls = match moments.ordering {
            true => Some(read_for_guest(db, &row, lang).await?),
            false => None,
        };
        Ok(InvitationInputs {
            row,
            lang,
            theme,
            moments,
            polls,
        })
    }

    /// The polls for the page's render to reuse, so that it shows exactly
    /// what it is kept for.
    pub fn kept_polls(&self) -> Option<KeptPolls> {
        self.polls.clone().map(|polls| KeptPolls {
            guest_id: self.row.guest_id,
            lang: self.lang,
            polls,
        })
    }

    /// What a view of the page does besides showing it, when it is served
    /// as kept: the guest's visit, queued when one is due (the render does
    /// the same through `get_guest_showcase`).
    pub fn seen(&self, presence: &Presence, now: DateTime<Utc>) {
        if self.moments.ordering {
            presence.saw(&self.row, now);
        }
    }
}
