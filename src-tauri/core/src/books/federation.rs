//! The federation profile (社联会信息) through the facade.

use super::Books;
use crate::domain::federation::{Federation, FederationInput};
use crate::error::Result;
use crate::store;

impl Books {
    pub fn federation_get(&self) -> Result<Option<Federation>> {
        store::federation::get(self.store.conn())
    }

    /// Creates the profile on first run, or updates it; validated against today's date.
    pub fn federation_save(&mut self, input: &FederationInput) -> Result<Federation> {
        let valid = input.validate(self.today())?;
        let actor = self.actor();
        self.store.with_tx(|tx| store::federation::save(tx, &actor, &valid))
    }
}
