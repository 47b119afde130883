//! Dates as authors write them: an ISO date (`2025-12-21`) or an RFC 3339 date-time.

use std::fmt;

use jiff::civil;

/// A calendar day, with the exact instant when the author gave a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The day, in the author's own offset.
    pub day: civil::Date,
    /// The instant, when the author wrote a time.
    pub instant: Option<jiff::Timestamp>,
}

impl Date {
    /// Parses `2025-12-21` or `2025-12-21T10:00:00+02:00`. The error says what was expected.
    pub fn parse(text: &str) -> Result<Date, String> {
        let text = text.trim();
        if text.len() == 10 {
            return text
                .parse::<civil::Date>()
                .map(|day| Date { day, instant: None })
                .map_err(|_| {
                    format!(
                        "'{text}' is not a real date: write it as YYYY-MM-DD, such as 2025-12-21"
                    )
                });
        }
        let instant = text.parse::<jiff::Timestamp>().map_err(|_| {
            format!("'{text}' is not a date: write YYYY-MM-DD (2025-12-21) or an RFC 3339 date-time (2025-12-21T10:00:00Z)")
        })?;
        let day = text
            .parse::<civil::DateTime>()
            .map(|dt| dt.date())
            .unwrap_or_else(|_| instant.to_zoned_datetime(jiff::tz::TimeZone::UTC).date());
        Ok(Date {
            day,
            instant: Some(instant),
        })
    }

    /// `2025-12-21`.
    pub fn iso(&self) -> String {
        self.day.to_string()
    }

    /// `21 December 2025`.
    pub fn display(&self) -> String {
        self.day.strftime("%-d %B %Y").to_string()
    }

    /// RFC 3339, midnight UTC when no time was given.
    pub fn rfc3339(&self) -> String {
        match self.instant {
            Some(instant) => instant.to_string(),
            None => format!("{}T00:00:00Z", self.day),
        }
    }

    /// `December 2025`.
    pub fn month_label(&self) -> String {
        self.day.strftime("%B %Y").to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parses_dates_and_date_times() {
        let date = Date::parse("2025-12-21").unwrap();
        assert_eq!(
            (date.iso(), date.display()),
            ("2025-12-21".into(), "21 December 2025".into())
        );
        let late = Date::parse("2025-12-21T23:30:00-05:00").unwrap();
        assert_eq!(late.iso(), "2025-12-21");
        assert_eq!(late.rfc3339(), "2025-12-22T04:30:00Z");
        assert!(
            Date::parse("2025-02-30")
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(Date::parse("next tuesday").is_err());
        assert!(Date::parse("").is_err());
    }
}
