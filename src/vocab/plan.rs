//! Plans: each feature needs a minimum plan (`[features]` in the config).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A plan; each feature needs a minimum plan (`[features]` in the config).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, clap::ValueEnum, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Plan {
    Starter,
    Grow,
    Elite,
}

impl Plan {
    /// The stored and configured form: `starter`, `grow`, `elite`.
    pub fn as_str(self) -> &'static str {
        match self {
            Plan::Starter => "starter",
            Plan::Grow => "grow",
            Plan::Elite => "elite",
        }
    }

    /// The documented form in `requiredPlan`: `Starter`, `Grow`, `Elite`.
    pub fn display_name(self) -> &'static str {
        match self {
            Plan::Starter => "Starter",
            Plan::Grow => "Grow",
            Plan::Elite => "Elite",
        }
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Plan {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "starter" => Ok(Plan::Starter),
            "grow" => Ok(Plan::Grow),
            "elite" => Ok(Plan::Elite),
            other => Err(format!("unknown plan `{other}` (starter, grow, elite)")),
        }
    }
}
