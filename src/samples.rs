//! The sample scenarios bundled with the program (`data/samples/`).

use crate::error::ReadError;
use crate::model::Scenario;
use crate::parse;

/// A bundled sample: its file name and text.
pub struct Sample {
    pub file_name: &'static str,
    pub text: &'static str,
}

/// Every bundled sample; the first opens when rolesplit starts without a file.
pub const SAMPLES: [Sample; 3] = [
    Sample {
        file_name: "scaleup.ron",
        text: include_str!("../data/samples/scaleup.ron"),
    },
    Sample {
        file_name: "startup.ron",
        text: include_str!("../data/samples/startup.ron"),
    },
    Sample {
        file_name: "enterprise.ron",
        text: include_str!("../data/samples/enterprise.ron"),
    },
];

impl Sample {
    /// The sample's scenario.
    pub fn scenario(&self) -> Result<Scenario, ReadError> {
        parse::scenario_from_str(self.text)
    }
}

/// The sample rolesplit opens when started without a file.
pub fn default_sample() -> &'static Sample {
    &SAMPLES[0]
}
