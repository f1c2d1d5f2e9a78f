//! Governance over HTTP: steering documents and their read acknowledgements, and the record of
//! processing activities (GDPR art. 30).

mod documents;
mod processing;
