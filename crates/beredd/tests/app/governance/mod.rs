//! Governance over HTTP: steering documents and their read acknowledgements, the record of
//! processing activities (GDPR art. 30), and the management review.

mod documents;
mod processing;
mod review;
