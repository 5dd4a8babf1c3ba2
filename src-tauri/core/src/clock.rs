//! Where "now" comes from. Business logic never reads the system clock itself: the facade asks its
//! `Clock`, so tests and the demo generator can pin time and stay deterministic.

use chrono::{Local, NaiveDate, NaiveDateTime};

#[derive(Debug, Clone, Default)]
pub enum Clock {
    /// The local wall clock of the office PC.
    #[default]
    System,
    /// A fixed instant, for tests and deterministic demo files.
    Fixed(NaiveDateTime),
}

impl Clock {
    pub fn now(&self) -> NaiveDateTime {
        match self {
            Clock::System => Local::now().naive_local(),
            Clock::Fixed(at) => *at,
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }
}
