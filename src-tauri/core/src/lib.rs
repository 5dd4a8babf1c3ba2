//! shelian-core: the books of one federation — domain rules, the SQLite store and reports — with no
//! window and no Tauri, so every rule can be tested and benchmarked on its own.
//!
//! Entry point: [`Books`], one facade over one SQLite file. Every write goes through it, runs in one
//! immediate transaction and records its audit row in that same transaction.

pub mod attachments;
pub mod books;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod error;
pub mod sheets;
pub mod store;

pub use books::grants::{BudgetLineView, FundPosition, GrantYearDetail, HomeOverview};
pub use books::{Books, DailyBackup, OpenOptions};
pub use clock::Clock;
pub use domain::credit_code;
pub use domain::federation::{Federation, FederationInput};
pub use domain::money::{Money, MoneyError};
pub use error::{CoreError, ErrorCode, ErrorPayload, FieldProblem, Result};
