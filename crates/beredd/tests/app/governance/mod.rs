//! Governance over HTTP: steering documents and their read acknowledgements, training and what
//! is due, and the record of processing activities (GDPR art. 30).

mod documents;
mod processing;
mod training;
