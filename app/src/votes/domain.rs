//! Poll values with rules, parsed once from the brand admin's form.

use super::{PollForm, MAX_OPTIONS, MIN_OPTIONS};
use crate::base::error::{AppError, Mistakes};
use crate::base::l10n::page_lang;

const QUESTION_MAX: usize = 200;
const LABEL_MAX: usize = 80;

/// A checked option: its label and the item it names, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionDraft {
    pub label: String,
    pub item_id: Option<i64>,
}

/// Checks a poll form. `item_name` gives the name of an item of the brand
/// (None: not the brand's).
pub fn parse(
    form: &PollForm,
    item_name: impl Fn(i64) -> Option<String>,
) -> Result<(String, Vec<OptionDraft>), AppError> {
    // Both parts are checked, so the form shows all its mistakes at once.
    let mut m = Mistakes::default();
    let question = m.check(parse_question(&form.question));
    let options = m.check(parse_options(form, item_name));
    m.finish()?;
    match (question, options) {
        (Some(question), Some(options)) => Ok((question, options)),
        _ => Err(AppError::Internal),
    }
}

/// Checks a poll's translation: a question (may be empty: not translated)
/// and option labels, each no longer than its original may be.
pub fn parse_translation(
    question: &str,
    labels: &[String],
) -> Result<(String, Vec<String>), AppError> {
    let mut m = Mistakes::default();
    let question = question.trim();
    if question.chars().count() > QUESTION_MAX {
        m.note(
            "question",
            tr!(page_lang(), POLL_ERROR_QUESTION_LONG, max = QUESTION_MAX),
        );
    }
    let labels: Vec<String> = labels.iter().map(|l| l.trim().to_owned()).collect();
    for (n, label) in labels.iter().enumerate() {
        if label.chars().count() > LABEL_MAX {
            m.note(
                &format!("label-{n}"),
                tr!(
                    page_lang(),
                    POLL_ERROR_OPTION_LONG,
                    number = n + 1,
                    max = LABEL_MAX
                ),
            );
        }
    }
    m.finish()?;
    Ok((question.to_owned(), labels))
}

fn parse_question(raw: &str) -> Result<String, AppError> {
    let question = raw.trim();
    if question.is_empty() {
        return Err(AppError::invalid(
            "question",
            tr!(page_lang(), POLL_ERROR_QUESTION),
        ));
    }
    if question.chars().count() > QUESTION_MAX {
        return Err(AppError::invalid(
            "question",
            tr!(page_lang(), POLL_ERROR_QUESTION_LONG, max = QUESTION_MAX),
        ));
    }
    Ok(question.to_owned())
}

fn parse_options(
    form: &PollForm,
    item_name: impl Fn(i64) -> Option<String>,
) -> Result<Vec<OptionDraft>, AppError> {
    let rows = form.labels.len().max(form.items.len());
    let mut options = Vec::new();
    for n in 0..rows {
        let label = form.labels.get(n).map(|l| l.trim()).unwrap_or_default();
        let item = form.items.get(n).map(|i| i.trim()).unwrap_or_default();
        let item_id = match item {
            "" => None,
            raw => {
                let foreign = || AppError::invalid("options", tr!(page_lang(), POLL_ERROR_ITEMS));
                let id: i64 = raw.parse().map_err(|_| foreign())?;
                let name = item_name(id).ok_or_else(foreign)?;
                Some((id, name))
            }
        };
        let label = match (label, &item_id) {
            ("", None) => continue,
            ("", Some((_, name))) => name.clone(),
            (label, _) => label.to_owned(),
        };
        if label.chars().count() > LABEL_MAX {
            return Err(AppError::invalid(
                "options",
                tr!(
                    page_lang(),
                    POLL_ERROR_OPTION_LONG,
                    number = n + 1,
                    max = LABEL_MAX
                ),
            ));
        }
        if options
            .iter()
            .any(|o: &OptionDraft| o.label.eq_ignore_ascii_case(&label))
        {
            return Err(AppError::invalid(
                "options",
                tr!(page_lang(), POLL_ERROR_OPTION_TWICE, label = &label),
            ));
        }
        options.push(OptionDraft {
            label,
            item_id: item_id.map(|(id, _)| id),
        });
    }
    if options.len() < MIN_OPTIONS || options.len() > MAX_OPTIONS {
        return Err(AppError::invalid(
            "options",
            tr!(
                page_lang(),
                POLL_ERROR_OPTIONS_COUNT,
                min = MIN_OPTIONS,
                max = MAX_OPTIONS,
                count = options.len()
            ),
        ));
    }
    Ok(options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(labels: &[&str], items: &[&str]) -> PollForm {
        PollForm {
            question: "Which colour next?".into(),
            labels: labels.iter().map(|s| s.to_string()).collect(),
            items: items.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn names(id: i64) -> Option<String> {
        (id == 7).then(|| "Fig Leaf Candle".to_owned())
    }

    #[test]
    fn options_come_from_text_or_items() {
        let (_, options) = parse(&form(&["Sage", "", ""], &["", "7", ""]), names).unwrap();
        assert_eq!(
            options,
            vec![
                OptionDraft {
                    label: "Sage".into(),
                    item_id: None
                },
                OptionDraft {
                    label: "Fig Leaf Candle".into(),
                    item_id: Some(7)
                },
            ]
        );
    }

    #[test]
    fn two_to_six_distinct_options() {
        let err = parse(&form(&["Sage"], &[]), names).unwrap_err();
        // Without a request, the page's language is French.
        assert_eq!(
            err.for_field("options").unwrap(),
            tr!(
                crate::base::l10n::Lang::Fr,
                POLL_ERROR_OPTIONS_COUNT,
                min = 2,
                max = 6,
                count = 1
            )
        );
        let seven = ["a", "b", "c", "d", "e", "f", "g"];
        assert!(parse(&form(&seven, &[]), names).is_err());
        assert!(parse(&form(&["Sage", "sage"], &[]), names).is_err());
        assert!(parse(&form(&["Sage", ""], &["", "8"]), names).is_err());
        let mut no_question = form(&["a", "b"], &[]);
        no_question.question = " ".into();
        assert!(parse(&no_question, names)
            .unwrap_err()
            .for_field("question")
            .is_some());
    }
}
