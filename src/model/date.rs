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
        if let Some(message) = other_format(text) {
            return Err(message);
        }
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

    /// RFC 3339, midnight UTC when no time was given.
    pub fn rfc3339(&self) -> String {
        match self.instant {
            Some(instant) => instant.to_string(),
            None => format!("{}T00:00:00Z", self.day),
        }
    }
}

/// Names a date written in another common format (day and month with slashes or dots,
/// month and day without their zeros, the month in words) and shows it as it should be
/// written; `None` for anything else.
fn other_format(text: &str) -> Option<String> {
    let numbers: Vec<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .collect();
    if numbers.len() != 3 {
        return None;
    }
    let number = |part: &str| part.parse::<i16>().ok().filter(|_| part.len() <= 4);
    let month_in_words = numbers.iter().position(|part| month_named(part).is_some());
    if let Some(at) = month_in_words {
        // `Sept 15, 2020`, `15 September 2020`, `2020 Sep 15`.
        let month = month_named(numbers[at])?;
        let rest: Vec<i16> = numbers
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != at)
            .map(|(_, part)| number(part))
            .collect::<Option<_>>()?;
        let (year, day) = match rest[..] {
            [a, b] if a > 31 => (a, b),
            [a, b] if b > 31 => (b, a),
            _ => return None,
        };
        let iso = real(year, month, day)?;
        return Some(format!(
            "'{text}' has the month in words: write {iso} (YYYY-MM-DD)"
        ));
    }
    let [a, b, c] = [numbers[0], numbers[1], numbers[2]].map(number);
    let (a, b, c) = (a?, b?, c?);
    if numbers[0].len() == 4 {
        // `2020-9-15`, `2020/09/15`, `2020.09.15`.
        let iso = real(a, b, c)?;
        if text == iso {
            return None;
        }
        return Some(format!("'{text}' is not written YYYY-MM-DD: write {iso}"));
    }
    if numbers[2].len() != 4 {
        return None;
    }
    // Day and month before the year: the order is known only when one of them is over 12.
    match (real(c, b, a), real(c, a, b)) {
        (Some(day_first), None) => Some(format!(
            "'{text}' is written day/month/year: write {day_first} (YYYY-MM-DD)"
        )),
        (None, Some(month_first)) => Some(format!(
            "'{text}' is written month/day/year: write {month_first} (YYYY-MM-DD)"
        )),
        (Some(day_first), Some(month_first)) if day_first == month_first => Some(format!(
            "'{text}' is not written YYYY-MM-DD: write {day_first}"
        )),
        (Some(day_first), Some(month_first)) => Some(format!(
            "'{text}' could be day/month/year or month/day/year: write {day_first} if the day comes first, {month_first} if the month does (YYYY-MM-DD)"
        )),
        (None, None) => None,
    }
}

/// `YYYY-MM-DD` when the day exists.
fn real(year: i16, month: i16, day: i16) -> Option<String> {
    let month = i8::try_from(month).ok()?;
    let day = i8::try_from(day).ok()?;
    civil::Date::new(year, month, day)
        .ok()
        .filter(|_| year >= 1000)
        .map(|date| date.to_string())
}

/// The month (1-12) an English name or abbreviation stands for (`Sept`, `september`).
fn month_named(word: &str) -> Option<i16> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|month| month.starts_with(&word))
        .map(|i| i as i16 + 1)
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
        assert_eq!(date.iso(), "2025-12-21");
        let late = Date::parse("2025-12-21T23:30:00-05:00").unwrap();
        assert_eq!(late.iso(), "2025-12-21");
        assert_eq!(late.rfc3339(), "2025-12-22T04:30:00Z");
        assert!(
            Date::parse("2025-02-30")
                .unwrap_err()
                .contains("not a real date")
        );
        assert!(Date::parse("next tuesday").is_err());
        assert!(Date::parse("2025-12-21T10:00:00Z").is_ok());
        assert!(Date::parse("").is_err());
    }

    #[test]
    fn names_a_date_in_another_format_and_shows_it_as_it_should_be() {
        let message = |text: &str| Date::parse(text).unwrap_err();
        assert_eq!(
            message("15/09/2020"),
            "'15/09/2020' is written day/month/year: write 2020-09-15 (YYYY-MM-DD)"
        );
        assert_eq!(
            message("09/15/2020"),
            "'09/15/2020' is written month/day/year: write 2020-09-15 (YYYY-MM-DD)"
        );
        assert!(
            message("05/09/2020")
                .contains("write 2020-09-05 if the day comes first, 2020-05-09 if the month does")
        );
        assert_eq!(
            message("15.9.2020"),
            message("15/09/2020").replace("15/09/2020", "15.9.2020")
        );
        assert_eq!(
            message("2020-9-15"),
            "'2020-9-15' is not written YYYY-MM-DD: write 2020-09-15"
        );
        assert_eq!(
            message("2020/09/15"),
            "'2020/09/15' is not written YYYY-MM-DD: write 2020-09-15"
        );
        for words in ["Sept 15, 2020", "15 September 2020", "sep 15 2020"] {
            assert_eq!(
                message(words),
                format!("'{words}' has the month in words: write 2020-09-15 (YYYY-MM-DD)")
            );
        }
        // Not a real day in any order, or not a date at all: the general messages.
        assert!(message("31/02/2020").contains("not a real date"));
        assert!(message("Mars 2020").contains("not a date"));
        assert!(message("2025-02-30").contains("not a real date"));
    }
}
