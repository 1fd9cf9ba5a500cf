//! The brand: its theme, the admin's overview and its settings.

pub mod news;
pub mod payments;
pub mod settings;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::base::error::ssr::serve;
use crate::base::error::AppError;

/// A sentence with elements inside (a link, code), as the page writes it:
/// the message takes [`slot`]`(n)` for each element, and [`pieces`] cuts
/// its text around them, in the order the language puts them.
pub mod sentence {
    /// What stands for element `n` in a message's text.
    pub fn slot(n: u32) -> String {
        char::from_u32(0xE000 + n)
            .map(String::from)
            .unwrap_or_default()
    }

    /// A part of a sentence: text, or the place of element `n`.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Piece {
        Text(String),
        Slot(u32),
    }

    /// The text and element places of a message filled with slots.
    pub fn pieces(text: &str) -> Vec<Piece> {
        let mut out = Vec::new();
        let mut run = String::new();
        for c in text.chars() {
            match c as u32 {
                n @ 0xE000..=0xE0FF => {
                    if !run.is_empty() {
                        out.push(Piece::Text(std::mem::take(&mut run)));
                    }
                    out.push(Piece::Slot(n - 0xE000));
                }
                _ => run.push(c),
            }
        }
        if !run.is_empty() {
            out.push(Piece::Text(run));
        }
        out
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_sentence_is_cut_around_its_elements() {
            let text = format!("See {} or {}.", slot(1), slot(0));
            assert_eq!(
                pieces(&text),
                vec![
                    Piece::Text("See ".into()),
                    Piece::Slot(1),
                    Piece::Text(" or ".into()),
                    Piece::Slot(0),
                    Piece::Text(".".into()),
                ]
            );
        }
    }
}

/// The brand admin dashboard's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BrandOverview {
    pub brand_name: String,
    pub admin_name: String,
    pub hosts: i64,
    pub active_items: i64,
}

/// The brand admin's overview of their brand.
#[server(prefix = "/api", endpoint = "brand_overview", input = server_fn::codec::GetUrl)]
pub async fn get_brand_overview() -> Result<BrandOverview, AppError> {
    serve(async {
        let admin = crate::base::auth::ssr::require_brand_admin().await?;
        let state = crate::base::state::app_state()?;
        ssr::overview(&state.db, &admin).await
    })
    .await
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::BrandOverview;
    use crate::{
        base::{account::CurrentUser, db::Db, error::AppError},
        on_db,
    };

    /// Figures for the brand admin's dashboard.
    pub async fn overview(db: &Db, admin: &CurrentUser) -> Result<BrandOverview, AppError> {
        let (brand_name, hosts): (String, i64) = on_db!(db.reader(), |pool| {
            sqlx::query_as(
                "SELECT b.name, (SELECT COUNT(*) FROM users u WHERE u.brand_id = b.id AND u.role = 'host')
                 FROM brands b WHERE b.id = $1",
            )
            .bind(admin.brand_id)
            .fetch_one(pool)
            .await
        })?;
        let active_items: i64 = on_db!(db.reader(), |pool| {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM items WHERE brand_id = $1 AND active = TRUE AND archived_at IS NULL",
            )
            .bind(admin.brand_id)
            .fetch_one(pool)
            .await
        })?;
        Ok(BrandOverview {
            brand_name,
            admin_name: admin.display_name.clone(),
            hosts,
            active_items,
        })
    }
}
