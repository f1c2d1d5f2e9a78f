//! Governance over HTTP: the record of processing activities (GDPR art. 30).

mod processing;
