//! CSV as spreadsheets read it (RFC 4180): the brand's exports and the
//! host's pick list.

/// One CSV field: quoted when needed; text that a spreadsheet would run as
/// a formula gets a leading apostrophe.
pub fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// Cents as a decimal: `1234` → `12.34`, `-5` → `-0.05`.
pub fn decimal(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// One row of fields already made with [`field`], ended by CRLF.
pub fn row(fields: &[String]) -> String {
    let mut s = fields.join(",");
    s.push_str("\r\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(decimal(1234), "12.34");
        assert_eq!(decimal(-5), "-0.05");
        assert_eq!(decimal(0), "0.00");
        assert_eq!(row(&["a".into(), field("b,c")]), "a,\"b,c\"\r\n");
    }
}
